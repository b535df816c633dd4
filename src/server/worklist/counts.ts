import "server-only";
import { addCalendarDays } from "@/domain/rules";
import { WORKLIST_REASONS } from "@/domain/worklist";
import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import { sqlOf, type Sql } from "@/server/sql";
import type { Tx } from "@/server/db";
import { int8 } from "@/server/sql-rows";
import type { WorklistFilters } from "./filters";

// The summary's count per reason, read from "WorklistCount": counts per unit,
// reason, type, setting, due date and postponement that triggers on
// "WorklistItem" keep in the transaction of every write (migration
// 20261203100000). Summed over the dates at read time, so "overdue" and
// "within the horizon" follow the day without any write: a few hundred rows
// per unit instead of its ~20 000 items. A filter the counts do not carry
// (the clinician) is counted from the items themselves (query.ts).

export const reasonCount = z.object({ reason: z.enum(WORKLIST_REASONS), count: int8, overdue: int8 });
export type ReasonCount = z.infer<typeof reasonCount>;

const countRow = z.object({ usable: z.boolean(), reason: z.enum(WORKLIST_REASONS).nullable(), count: int8.nullable(), overdue: int8.nullable() });

/**
 * The count statement (exported so its plan can be tested). One row per reason,
 * or one row with a null reason when there is none; `usable` is false when
 * the counts were folded past `today` (a clock set back), and then the caller
 * counts the items instead.
 */
export function countsByReasonSql(units: string[], f: Pick<WorklistFilters, "type" | "setting" | "horisont">, today: IsoDate) {
  const parts = [
    Prisma.sql`c."unitId" = ANY(${units}::text[])`,
    Prisma.sql`c."dueOn" <= ${addCalendarDays(today, f.horisont)}::date`,
    // not postponed (-infinity), or postponed until a day that has come
    Prisma.sql`c."postponedUntil" <= ${today}::date`,
  ];
  if (f.type) parts.push(Prisma.sql`c."type" = ${f.type}::"PathwayType"`);
  if (f.setting) parts.push(Prisma.sql`c."setting" = ${f.setting}::"CareSetting"`);
  return Prisma.sql`
    SELECT fold."before" <= ${today}::date AS "usable", c."reason"::text AS "reason", c."count", c."overdue"
    FROM "WorklistCountFold" fold
      LEFT JOIN LATERAL (
        SELECT c."reason", sum(c."n") AS "count", COALESCE(sum(c."n") FILTER (WHERE c."dueOn" < ${today}::date), 0) AS "overdue"
        FROM "WorklistCount" c WHERE ${Prisma.join(parts, " AND ")}
        GROUP BY c."reason"
      ) c ON fold."before" <= ${today}::date
    WHERE fold."id" = 1`;
}

/** Counts per reason from the kept counts, or null when they cannot answer for `today`. */
export async function countsByReason(sql: Sql, units: string[], f: WorklistFilters, today: IsoDate): Promise<ReasonCount[] | null> {
  const rows = await sql.rows(countRow, countsByReasonSql(units, f, today));
  if (!rows[0]?.usable) return null;
  return rows.flatMap((r) => (r.reason ? [{ reason: r.reason, count: r.count ?? 0, overdue: r.overdue ?? 0 }] : []));
}

/**
 * Folds due dates and postponements before `day` and merges the deltas into one
 * row per key (forlopsvakt_worklist_count_fold). Never moves the fold back; safe
 * beside writers and another fold. `day` must be the app's today or earlier.
 */
export async function foldWorklistCounts(db: Tx | Sql, day: IsoDate): Promise<void> {
  await sqlOf(db).run(Prisma.sql`SELECT 1 AS "folded" FROM forlopsvakt_worklist_count_fold(${day}::date)`);
}
