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
// user's settings inside the same statement. A row matching several
// branches is shown once, in the first. The header's count runs the branches
// one by one instead (unreadCountSqls), each small and planned with the
// user's values.
// The same branches serve one user (the header, the page) and every user at
// once (the digest: one statement grouped by user, not a round trip each).

export interface NotificationUser {
  id: string;
  role: Role | string;
  unitIds: string[];
}

const reasons = (list: readonly string[]) => Prisma.sql`${[...list]}::"WorklistReason"[]`;

/** A user's horizon in days: their setting, or the default. */
function horizonOf(userId: string): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT "horizonDays" FROM "NotificationSettings" WHERE "userId" = ${userId}), ${NOTIFICATION_RULES.defaultHorizonDays}::int)`;
}

/** A worklist row `w` of one of the users' units (`u`), not postponed past today. */
function liveSql(window: Window): Prisma.Sql {
  return Prisma.sql`w."unitId" = ANY(u."unitIds") AND (w."postponedUntil" IS NULL OR w."postponedUntil" <= ${window.today}::date)`;
}

/** One user, as the session knows them: the CTE `u` of one row, the horizon read from their settings. */
export function oneUser(user: NotificationUser): Prisma.Sql {
  return Prisma.sql`SELECT ${user.id}::text AS "userId", ${user.role}::text AS "role", ${user.unitIds}::text[] AS "unitIds",
    ${horizonOf(user.id)} AS "h"`;
}

/** Every active clinician and coordinator (optionally only those listed): the digest's users, one statement for all. */
export function manyUsers(ids?: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT uu."id" AS "userId", uu."role"::text AS "role",
      array(SELECT m."unitId" FROM "UserUnit" m WHERE m."userId" = uu."id") AS "unitIds",
      COALESCE(ns."horizonDays", ${NOTIFICATION_RULES.defaultHorizonDays}::int) AS "h"
    FROM "User" uu LEFT JOIN "NotificationSettings" ns ON ns."userId" = uu."id"
    WHERE uu."active" AND uu."role" IN ('CLINICIAN', 'COORDINATOR') ${ids ? Prisma.sql`AND uu."id" = ANY(${[...ids]}::text[])` : Prisma.empty}`;
}

type Window = Pick<NotificationWindow, "today" | "assignedSince">;

/**
 * The branches over `u` and `w` (WorklistItem), each `SELECT <select(kind,
 * rank)> FROM … WHERE …`, in the order a row's kind is chosen (rank). No
 * two rows of a branch are the same worklist row for a user (each joins one
 * row per worklist row), except in the notices' (the first) branch.
 */
function branches(window: Window, select: (kind: NotificationKind, rank: number) => Prisma.Sql): { sql: Prisma.Sql }[] {
  const horizon = Prisma.sql`(${window.today}::date + u."h")`;
  const live = liveSql(window);
  const unsettled = Prisma.sql`(w."reason" <> 'LEGAL_DEADLINE_BREACHED' OR w."eventId" IS NULL)`;
  return [
    {
      sql: Prisma.sql`SELECT ${select("NOTICE", 1)} FROM u JOIN "PathwayNotice" n ON n."recordedById" = u."userId"
      JOIN "WorklistItem" w ON w."pathwayId" = n."pathwayId" AND w."key" = n."noticeKey"
      WHERE w."reason" = 'NOTICE_UNEXPLAINED' AND ${live}`,
    },
    {
      sql: Prisma.sql`SELECT ${select("DEADLINE", 2)} FROM u JOIN "WorklistItem" w ON w."responsibleClinicianId" = u."userId" AND w."dueOn" <= ${horizon}
      WHERE w."reason" = ANY(${reasons(DEADLINE_REASONS)}) AND ${unsettled} AND ${live}`,
    },
    {
      sql: Prisma.sql`SELECT ${select("DEADLINE", 2)} FROM u JOIN "Pathway" p ON p."coordinatorId" = u."userId" AND p."status" = 'OPEN'
      JOIN "WorklistItem" w ON w."pathwayId" = p."id"
      WHERE w."dueOn" <= ${horizon} AND w."reason" = ANY(${reasons(DEADLINE_REASONS)}) AND ${unsettled} AND ${live}`,
    },
    {
      sql: Prisma.sql`SELECT ${select("ASSIGNED", 5)} FROM u JOIN "Pathway" p ON p."responsibleClinicianId" = u."userId" AND p."status" = 'OPEN'
      JOIN "WorklistItem" w ON w."pathwayId" = p."id"
      WHERE p."responsibleAssignedAt" >= ${window.assignedSince} AND w."reason" <> ALL(${reasons(NOT_ASSIGNED_REASONS)}) AND ${live}`,
    },
    // coordinators: their units' legal deadlines and referrals
    {
      sql: Prisma.sql`SELECT ${select("LEGAL_DEADLINE", 3)} FROM u JOIN "WorklistItem" w ON w."unitId" = ANY(u."unitIds") AND w."reason" = ANY(${reasons(LEGAL_REASONS)}) AND w."dueOn" <= ${horizon}
      WHERE u."role" = 'COORDINATOR' AND w."eventId" IS NULL AND ${live}`,
    },
    {
      sql: Prisma.sql`SELECT ${select("REFERRAL", 4)} FROM u JOIN "WorklistItem" w ON w."unitId" = ANY(u."unitIds") AND w."reason" = 'REFERRAL_NOT_ASSESSED' AND w."dueOn" <= ${horizon}
      WHERE u."role" = 'COORDINATOR' AND ${live}`,
    },
  ];
}

/**
 * The CTEs `u` (the users: `oneUser` or `manyUsers`) and `items` (one row per
 * user and worklist row: userId, kind, pathwayId, key, dueOn, reason, …).
 */
export function itemsCte(users: Prisma.Sql, window: Window): Prisma.Sql {
  const cols = (kind: NotificationKind, rank: number) =>
    Prisma.sql`u."userId", w."pathwayId", w."key", w."dueOn", w."reason"::text AS "reason", w."deadlineKind", w."noticeId", w."sinceOn", w."eventId", w."outcome", ${kind}::text AS "kind", ${rank}::int AS "rank"`;
  return Prisma.sql`
    u AS MATERIALIZED (${users}),
    c AS (${Prisma.join(branches(window, cols).map((b) => b.sql), "\n UNION ALL \n")}),
    items AS (SELECT DISTINCT ON ("userId", "pathwayId", "key") * FROM c ORDER BY "userId", "pathwayId", "key", "rank")`;
}

/** True when the item is marked read by the user (an expression over `items i`). */
export function readSql(): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "NotificationRead" r WHERE r."userId" = i."userId" AND r."pathwayId" = i."pathwayId" AND r."itemKey" = i."key" AND r."dueOn" = i."dueOn")`;
}

/**
 * The header's count, as small statements (run by count.ts in this order,
 * each alone): every branch's distinct unread worklist rows, at most the cap
 * + 1 of them, over a `u` of the values themselves (the horizon read before:
 * `horizonSql`), so that each plans in well under a millisecond with the
 * user's own values where the one statement of all six branches took 7–16 ms
 * to plan on the 400 000 generated pathways (README, Performance). The
 * number is the distinct (pathwayId, key) of all of them together, capped:
 * whether a row is read depends on the worklist row only (not on the
 * branch), so with T distinct unread rows in all, either every branch has at
 * most cap of them and none was cut (the union is all T), or some branch has
 * cap + 1 distinct ones on its own and the count is cap + 1. So count.ts
 * stops at the first branch that returns cap + 1 rows.
 *
 * The order: the cheap unit-wide branches of coordinators (their indexes
 * give the rows directly), my deadlines, my notices, then the pathways I
 * coordinate (a bitmap over the unit's deadline rows: it cannot stop early)
 * and the newly assigned. The notices' branch is a semi-join here (each
 * worklist row once, so it can stop at the cap without sorting every notice
 * the user recorded first; the page's and the digest's branch may repeat a
 * row and make it distinct later): the same rows.
 */
export function unreadCountSqls(user: NotificationUser, window: Window, horizonDays: number): Prisma.Sql[] {
  const cap = NOTIFICATION_RULES.countCap + 1;
  const u = Prisma.sql`u AS (SELECT ${user.id}::text AS "userId", ${user.role}::text AS "role", ${user.unitIds}::text[] AS "unitIds", ${horizonDays}::int AS "h")`;
  const unread = Prisma.sql`NOT EXISTS (SELECT 1 FROM "NotificationRead" r WHERE r."userId" = u."userId" AND r."pathwayId" = w."pathwayId" AND r."itemKey" = w."key" AND r."dueOn" = w."dueOn")`;
  const all = branches(window, () => Prisma.sql`w."pathwayId", w."key"`);
  const live = liveSql(window);
  const notices = Prisma.sql`SELECT w."pathwayId", w."key" FROM u JOIN "WorklistItem" w ON w."reason" = 'NOTICE_UNEXPLAINED'
      AND EXISTS (SELECT 1 FROM "PathwayNotice" n WHERE n."recordedById" = u."userId" AND n."pathwayId" = w."pathwayId" AND n."noticeKey" = w."key")
      WHERE ${live}`;
  const [, mine, coordinated, assigned, legal, referrals] = all.map((b) => b.sql);
  const order = user.role === "COORDINATOR" ? [legal, referrals, mine, notices, coordinated, assigned] : [mine, notices, coordinated, assigned];
  return order.map((branch) => Prisma.sql`WITH ${u} ${branch} AND ${unread} LIMIT ${cap}`);
}

/** The user's horizon in days: their setting or the default (`h` of `oneUser`). */
export function horizonSql(userId: string): Prisma.Sql {
  return Prisma.sql`SELECT ${horizonOf(userId)} AS "h"`;
}

/** The digest's statement, for many users at once: items per user and kind (read or not: the cause is still there). */
export function countsByKindSql(users: Prisma.Sql, window: Pick<NotificationWindow, "today" | "assignedSince">): Prisma.Sql {
  return Prisma.sql`WITH ${itemsCte(users, window)}
    SELECT i."userId", i."kind", count(*)::int AS "n" FROM items i GROUP BY i."userId", i."kind"`;
}
