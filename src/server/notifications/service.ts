import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import { can } from "@/domain/permissions";
import { KIND_ORDER, NOTIFICATION_RULES, notificationWindow, type NotificationKind } from "@/domain/notifications";
import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor, CurrentSession } from "@/server/auth/current-user";
import { now, today } from "@/server/clock";
import { prisma } from "@/server/db";
import { pooled, sqlOf } from "@/server/sql";
import { int8, sqlDate } from "@/server/sql-rows";
import { shownPatientNameSql } from "@/server/pathways/shown-name";
import { forgetKeptCounts, keptUnreadCount } from "./header-count";
import { itemsCte, oneUser, readSql } from "./query";

// Varsler: the header's count (count.ts), the page's list (audited with
// the patients it shows) and read marks.

/** The header's count: unread notifications, kept with the session for a minute (header-count.ts); null for roles without notifications. */
export const unreadNotificationCount = cache(async (session: CurrentSession): Promise<number | null> => {
  if (!can(session.user.role, "notifications.view")) return null;
  return keptUnreadCount(session, now(), today());
});

const itemRow = z.object({
  kind: z.enum(KIND_ORDER as [NotificationKind, ...NotificationKind[]]),
  pathwayId: z.string(),
  key: z.string(),
  dueOn: sqlDate,
  sinceOn: sqlDate.nullable(),
  reason: z.string(),
  deadlineKind: z.string().nullable(),
  noticeId: z.string().nullable(),
  eventId: z.string().nullable(),
  outcome: z.string().nullable(),
  referralId: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  type: z.string(),
  read: z.boolean(),
});
export type NotificationItem = z.output<typeof itemRow>;

/** The /varsler page: the user's notifications, unread first within each kind, most urgent first; audited naming the patients shown. */
export async function listNotifications(actor: Actor): Promise<{ items: NotificationItem[]; truncated: boolean; today: string }> {
  assertCan(actor.user, "notifications.view");
  const day = today();
  const window = notificationWindow(day, now());
  const kindOrder = Prisma.sql`array_position(${[...KIND_ORDER]}::text[], i."kind")`;
  const rows = await pooled().rows(itemRow, Prisma.sql`WITH ${itemsCte(oneUser(actor.user), window)}
    SELECT i."kind", i."pathwayId", i."key", to_char(i."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(i."sinceOn", 'YYYY-MM-DD') AS "sinceOn",
      i."reason", i."deadlineKind", i."noticeId", i."eventId", i."outcome",
      p."referralId", p."patientId", ${shownPatientNameSql("p", "pt")} AS "patientName", p."type"::text AS "type",
      ${readSql()} AS "read"
    FROM items i JOIN "Pathway" p ON p."id" = i."pathwayId" JOIN "Patient" pt ON pt."id" = p."patientId"
    ORDER BY ${kindOrder}, "read", i."dueOn", i."pathwayId", i."key"
    LIMIT ${NOTIFICATION_RULES.pageLimit + 1}`);
  const truncated = rows.length > NOTIFICATION_RULES.pageLimit;
  const items = rows.slice(0, NOTIFICATION_RULES.pageLimit);
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "NOTIFICATIONS_VIEWED", patientIds: items.map((i) => i.patientId), detail: { count: items.length } },
    actor.meta,
  );
  return { items, truncated, today: day };
}

/** One item to mark read, as the page sends it: its due date a real calendar date (2026-02-30 would be a database error) */
export const markOneReadSchema = z.object({ pathwayId: z.string().min(1).max(64), key: z.string().min(1).max(300), dueOn: z.string().refine(isIsoDate, "Ugyldig dato.") });

export const markReadSchema = z.union([z.object({ all: z.literal(true) }), markOneReadSchema]);

/** Marks one of the user's current notifications read, or all of them; anything else is ignored. Returns how many were marked. */
export async function markNotificationsRead(actor: Actor, input: z.input<typeof markReadSchema>): Promise<number> {
  assertCan(actor.user, "notifications.view");
  const parsed = markReadSchema.parse(input);
  const which = "all" in parsed ? Prisma.empty : Prisma.sql`AND i."pathwayId" = ${parsed.pathwayId} AND i."key" = ${parsed.key} AND i."dueOn" = ${parsed.dueOn}::date`;
  const rows = await sqlOf(prisma).rows(z.object({ n: int8 }), Prisma.sql`WITH ${itemsCte(oneUser(actor.user), notificationWindow(today(), now()))},
    ins AS (INSERT INTO "NotificationRead" ("userId", "pathwayId", "itemKey", "dueOn")
      SELECT ${actor.user.id}, i."pathwayId", i."key", i."dueOn" FROM items i WHERE NOT ${readSql()} ${which}
      ON CONFLICT DO NOTHING RETURNING 1),
    -- the header's kept count is wrong now: the next page view counts again
    forget AS (${forgetKeptCounts(actor.user.id)})
    SELECT count(*) AS "n" FROM ins`);
  return rows[0]?.n ?? 0;
}
