import "server-only";
import { NOTIFICATION_RULES, type NotificationWindow } from "@/domain/notifications";
import { z } from "@/lib/zod";
import type { Sql } from "@/server/sql";
import { int8 } from "@/server/sql-rows";
import { horizonSql, unreadCountSqls, type NotificationUser } from "./query";

// The header's "Varsler (n)": unread notifications up to the cap + 1, read
// branch by branch (query.ts, unreadCountSqls) and stopped at the first
// branch that alone has cap + 1 unread rows; otherwise the branches' rows are
// made distinct here. Planning the one statement of all branches was most of
// its cost on every page view (README, Performance).

const pair = z.object({ pathwayId: z.string(), key: z.string() });

/** Unread notifications of the user, counted up to the cap + 1 (the number `countLabel` shows as "99+"). */
export async function unreadCount(sql: Sql, user: NotificationUser, window: Pick<NotificationWindow, "today" | "assignedSince">): Promise<number> {
  const cap = NOTIFICATION_RULES.countCap + 1;
  const [horizon] = await sql.rows(z.object({ h: int8 }), horizonSql(user.id));
  const seen = new Set<string>();
  for (const statement of unreadCountSqls(user, window, horizon?.h ?? NOTIFICATION_RULES.defaultHorizonDays)) {
    const rows = await sql.rows(pair, statement);
    if (rows.length >= cap) return cap;
    // a key may hold any character but the pathway's id none of ours: the id and the key apart by a NUL
    for (const r of rows) seen.add(`${r.pathwayId}\u0000${r.key}`);
  }
  return Math.min(seen.size, cap);
}
