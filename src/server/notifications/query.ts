import "server-only";
import { Prisma } from "@/generated/prisma/client";
import {
  DEADLINE_REASONS, LEGAL_REASONS, NOT_ASSIGNED_REASONS, NOTIFICATION_RULES,
  type NotificationKind, type NotificationWindow,
} from "@/domain/notifications";
import type { Role } from "@/domain/permissions";

// The one statement that selects a user's notifications from the derived
// worklist rows (no rules evaluation): each branch is an index scan
//   my deadlines            WorklistItem(responsibleClinicianId, dueOn)
//   pathways I coordinate    Pathway(coordinatorId, status) → WorklistItem(pathwayId, key)
//   my codes' notices        PathwayNotice(recordedById) → WorklistItem(pathwayId, key)
//   my units (coordinators)  WorklistItem(unitId, reason, dueOn, id)
//   newly assigned to me     Pathway(responsibleClinicianId, status, …) → WorklistItem(pathwayId, key)
// and every branch keeps to the user's units. The horizon comes from the
// user's settings inside the same statement, so the header's count is one
// round trip. A row matching several branches is shown once, in the first.

export interface NotificationUser {
  id: string;
  role: Role | string;
  unitIds: string[];
}

const reasons = (list: readonly string[]) => Prisma.sql`${[...list]}::"WorklistReason"[]`;

/** The CTEs `s` (horizon) and `items` (one row per worklist row: kind, pathwayId, key, dueOn, reason, …). */
export function itemsCte(user: NotificationUser, window: Pick<NotificationWindow, "today" | "assignedSince">): Prisma.Sql {
  const me = user.id;
  const units = Prisma.sql`${user.unitIds}::text[]`;
  // a subquery (an InitPlan): a constant for the index conditions on dueOn
  const horizon = Prisma.sql`(SELECT ${window.today}::date + s."h" FROM s)`;
  const live = Prisma.sql`w."unitId" = ANY(${units}) AND (w."postponedUntil" IS NULL OR w."postponedUntil" <= ${window.today}::date)`;
  const cols = (kind: NotificationKind, rank: number) =>
    Prisma.sql`w."pathwayId", w."key", w."dueOn", w."reason"::text AS "reason", w."deadlineKind", w."noticeId", w."sinceOn", w."eventId", w."outcome", ${kind}::text AS "kind", ${rank}::int AS "rank"`;
  const branches: Prisma.Sql[] = [
    Prisma.sql`SELECT ${cols("NOTICE", 1)} FROM "PathwayNotice" n JOIN "WorklistItem" w ON w."pathwayId" = n."pathwayId" AND w."key" = n."noticeKey"
      WHERE n."recordedById" = ${me} AND w."reason" = 'NOTICE_UNEXPLAINED' AND ${live}`,
    Prisma.sql`SELECT ${cols("DEADLINE", 2)} FROM "WorklistItem" w
      WHERE w."responsibleClinicianId" = ${me} AND w."dueOn" <= ${horizon} AND w."reason" = ANY(${reasons(DEADLINE_REASONS)}) AND (w."reason" <> 'LEGAL_DEADLINE_BREACHED' OR w."eventId" IS NULL) AND ${live}`,
    Prisma.sql`SELECT ${cols("DEADLINE", 2)} FROM "Pathway" p JOIN "WorklistItem" w ON w."pathwayId" = p."id"
      WHERE p."coordinatorId" = ${me} AND p."status" = 'OPEN' AND w."dueOn" <= ${horizon} AND w."reason" = ANY(${reasons(DEADLINE_REASONS)}) AND (w."reason" <> 'LEGAL_DEADLINE_BREACHED' OR w."eventId" IS NULL) AND ${live}`,
    Prisma.sql`SELECT ${cols("ASSIGNED", 5)} FROM "Pathway" p JOIN "WorklistItem" w ON w."pathwayId" = p."id"
      WHERE p."responsibleClinicianId" = ${me} AND p."status" = 'OPEN' AND p."responsibleAssignedAt" >= ${window.assignedSince}
        AND w."reason" <> ALL(${reasons(NOT_ASSIGNED_REASONS)}) AND ${live}`,
  ];
  if (user.role === "COORDINATOR") {
    branches.push(
      Prisma.sql`SELECT ${cols("LEGAL_DEADLINE", 3)} FROM "WorklistItem" w
        WHERE w."reason" = ANY(${reasons(LEGAL_REASONS)}) AND w."eventId" IS NULL AND w."dueOn" <= ${horizon} AND ${live}`,
      Prisma.sql`SELECT ${cols("REFERRAL", 4)} FROM "WorklistItem" w
        WHERE w."reason" = 'REFERRAL_NOT_ASSESSED' AND w."dueOn" <= ${horizon} AND ${live}`,
    );
  }
  return Prisma.sql`
    s AS (SELECT COALESCE((SELECT "horizonDays" FROM "NotificationSettings" WHERE "userId" = ${me}), ${NOTIFICATION_RULES.defaultHorizonDays}::int) AS "h"),
    c AS (${Prisma.join(branches, "\n UNION ALL \n")}),
    items AS (SELECT DISTINCT ON ("pathwayId", "key") * FROM c ORDER BY "pathwayId", "key", "rank")`;
}

/** True when the item is marked read by the user (an expression over `items i`). */
export function readSql(userId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "NotificationRead" r WHERE r."userId" = ${userId} AND r."pathwayId" = i."pathwayId" AND r."itemKey" = i."key" AND r."dueOn" = i."dueOn")`;
}

/** The header's statement: unread items, counted up to the cap + 1. */
export function unreadCountSql(user: NotificationUser, window: Pick<NotificationWindow, "today" | "assignedSince">): Prisma.Sql {
  return Prisma.sql`WITH ${itemsCte(user, window)}
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM items i WHERE NOT ${readSql(user.id)} LIMIT ${NOTIFICATION_RULES.countCap + 1}) x`;
}

/** The digest's statement: items per kind (read or not: the cause is still there). */
export function countsByKindSql(user: NotificationUser, window: Pick<NotificationWindow, "today" | "assignedSince">): Prisma.Sql {
  return Prisma.sql`WITH ${itemsCte(user, window)}
    SELECT i."kind", count(*)::int AS "n" FROM items i GROUP BY i."kind"`;
}
