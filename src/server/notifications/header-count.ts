import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CurrentSession } from "@/server/auth/session-user";
import type { IsoDate } from "@/lib/dates";
import { notificationWindow } from "@/domain/notifications";
import { onePooledConnection } from "@/server/sql";
import { unreadCount } from "./count";

// The header's "Varsler (n)" on every page view. Counting takes up to five
// statements (count.ts), so the count is kept on the session's row and read
// with the session itself (session-user.ts): counted again when it is older
// than NOTIFICATION_RULES.countMaxAgeSeconds. A count is stored only if the
// session's generation is still the one read before counting: the user's
// read marks and horizon raise it (forgetKeptCounts), so a count made before
// those never outlives them.

/** The session's kept count when fresh, else a new count, kept for the next views. */
export async function keptUnreadCount(session: CurrentSession, at: Date, day: IsoDate): Promise<number> {
  if (session.unread.count !== null) return session.unread.count;
  return onePooledConnection(async (sql) => {
    const count = await unreadCount(sql, session.user, notificationWindow(day, at));
    await sql.run(Prisma.sql`
      UPDATE "UserSession" SET "unreadCount" = ${count}::int, "unreadCountAt" = ${at}::timestamptz
      WHERE "id" = ${session.sessionId}::uuid AND "unreadGeneration" = ${session.unread.generation}::int`);
    return count;
  });
}

/** The statement that drops every kept count of the user's sessions (in the transaction of the change that makes them wrong). */
export function forgetKeptCounts(userId: string): Prisma.Sql {
  return Prisma.sql`UPDATE "UserSession" SET "unreadGeneration" = "unreadGeneration" + 1, "unreadCount" = NULL, "unreadCountAt" = NULL WHERE "userId" = ${userId}`;
}
