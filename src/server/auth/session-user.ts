import "server-only";
import { readSessionCookie } from "./session-cookie";
import { sessionCutoffs } from "./session-rules";
import { Prisma } from "@/generated/prisma/client";
import { isRole, type Role, type Scope } from "@/domain/permissions";
import { NOTIFICATION_RULES } from "@/domain/notifications";
import { pooled, type Sql } from "@/server/sql";
import { z } from "@/lib/zod";

// Who a request's session cookie belongs to, asked of the database on every
// request: the cookie names a session, its row says whether it is alive (not
// logged out, not idle, not too old) and the user's row whether the user is
// active and with which role and units. One statement, one round trip, no
// per-process cache: a logout or a deactivation holds at once in every server
// process and on every host. `now` is a parameter (tests pin the clock).

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  unitIds: string[];
  /**
   * Set when a machine client acts (a bearer token, src/server/clients): then
   * `id` is the client's principal user (the author of what it records),
   * `unitIds` the client's units, and its scopes, not `role`, decide what it
   * may do.
   */
  client?: { id: string; name: string; scopes: Scope[] };
}

export interface CurrentSession {
  user: CurrentUser;
  sessionId: string;
  /** the header's notification count kept with the session (notifications/header-count.ts) */
  unread: UnreadCountKept;
}

export interface UnreadCountKept {
  /** null when none was kept or it is older than NOTIFICATION_RULES.countMaxAgeSeconds */
  count: number | null;
  generation: number;
}

const row = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  unitIds: z.array(z.string()),
  unreadCount: z.number().int().nullable(),
  unreadGeneration: z.number().int(),
});

/**
 * The active user of a live session, or null, and this request counted as
 * activity: lastSeenAt is rewritten in the same statement when it is at least
 * LAST_SEEN_PRECISION_SECONDS old (see session-rules.ts for the bound this
 * puts on the idle timeout). A plain lookup by keys, so a prepared statement.
 */
export async function sessionUser(sql: Sql, session: { sessionId: string; userId: string }, now: Date): Promise<CurrentUser | null> {
  return (await sessionWithUser(sql, session, now))?.user ?? null;
}

/** The same, with the session's kept notification count: the session as the request sees it. */
export async function sessionWithUser(sql: Sql, session: { sessionId: string; userId: string }, now: Date): Promise<{ user: CurrentUser; unread: UnreadCountKept } | null> {
  const { idleSince, createdSince, seenBefore } = sessionCutoffs(now);
  const countedSince = new Date(now.getTime() - NOTIFICATION_RULES.countMaxAgeSeconds * 1000);
  const [found] = await sql.rows(row, Prisma.sql`
    WITH "live" AS (
      SELECT s."id", s."userId", s."unreadGeneration",
        CASE WHEN s."unreadCountAt" >= ${countedSince}::timestamptz AND s."unreadCountAt" <= ${now}::timestamptz THEN s."unreadCount" END AS "unreadCount"
      FROM "UserSession" s
      WHERE s."id" = ${session.sessionId}::uuid AND s."userId" = ${session.userId} AND s."revokedAt" IS NULL
        AND s."lastSeenAt" >= ${idleSince}::timestamptz AND s."createdAt" >= ${createdSince}::timestamptz
    ), "seen" AS (
      UPDATE "UserSession" s SET "lastSeenAt" = ${now}::timestamptz
      FROM "live" WHERE s."id" = "live"."id" AND s."revokedAt" IS NULL AND s."lastSeenAt" <= ${seenBefore}::timestamptz
    )
    SELECT u."id", u."email", u."name", u."role"::text AS "role",
      array(SELECT uu."unitId" FROM "UserUnit" uu WHERE uu."userId" = u."id" ORDER BY uu."unitId") AS "unitIds",
      "live"."unreadCount", "live"."unreadGeneration"
    FROM "live" JOIN "User" u ON u."id" = "live"."userId"
    WHERE u."active"`);
  if (!found) return null;
  const { unreadCount, unreadGeneration, role, ...user } = found;
  if (!isRole(role)) return null;
  return { user: { ...user, role }, unread: { count: unreadCount, generation: unreadGeneration } };
}

/** The session of a request's cookies (`read` by name, `names` all of them), checked in the database. */
export async function resolveSession(
  read: (name: string) => string | undefined,
  names: readonly string[],
  now: Date,
  sql: Sql = pooled({ prepared: true }),
): Promise<CurrentSession | null> {
  const cookie = await readSessionCookie(read, names, Math.floor(now.getTime() / 1000));
  if (!cookie) return null;
  const found = await sessionWithUser(sql, cookie, now);
  return found ? { ...found, sessionId: cookie.sessionId } : null;
}
