import "server-only";
import { maskNationalId } from "@/domain/national-id";
import { describeItem, WORKLIST_REASONS, type WorklistItemDraft } from "@/domain/worklist";
import { CareSetting, PathwayType } from "@/generated/prisma/enums";
import type { IsoDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import { Prisma } from "@/generated/prisma/client";
import { pooled } from "@/server/sql";
import { int8, sqlDate } from "@/server/sql-rows";
import { auditInsert, writeAudit, type AuditEntry } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { shownPatientNameSql } from "@/server/pathways/shown-name";
import { countOverdueUnassessed } from "@/server/referrals/list";
import { REASON_FILTERS, type WorklistFilters } from "./filters";
import { baseCondition, cursorCondition, encodeCursor, orderBy, pageOrder, reasonCondition, scopedUnits } from "./where";

// The worklist is an indexed range query on the derived WorklistItem rows
// (unitId, dueOn, id): no pathway is evaluated per request, no exact count over
// the whole table. Pages are keyset-paginated ("etter" = the last row seen).

export const PAGE_SIZE = 50;

/** A stored item (the engine's draft) with its pathway's columns, as the page query returns it (exported for scripts/bench-rows.ts). */
export const pageItem = z.object({
  id: z.string(),
  pathwayId: z.string(),
  reason: z.enum(WORKLIST_REASONS),
  key: z.string(),
  dueOn: sqlDate,
  sinceOn: sqlDate.nullable(),
  deadlineKind: z.string().nullable(),
  noticeId: z.string().nullable(),
  eventId: z.string().nullable(),
  outcome: z.string().nullable(),
  type: z.enum(PathwayType),
  setting: z.enum(CareSetting),
  phase: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  nationalId: z.string(),
  clinicianId: z.string().nullable(),
  clinicianName: z.string().nullable(),
}) satisfies z.ZodType<WorklistItemDraft>;

const reasonCount = z.object({ reason: z.enum(WORKLIST_REASONS), count: int8, overdue: int8 });
const kindCount = z.object({ kind: z.string(), met: int8, total: int8 });

export type WorklistRow = Awaited<ReturnType<typeof fetchPage>>["rows"][number];

/** One page of the worklist; reading it writes an audit row (it shows patients), in the same statement. */
export async function listWorklist(actor: Actor, f: WorklistFilters, today: IsoDate, pageSize = PAGE_SIZE) {
  assertCan(actor.user, "worklist.view");
  const { etter: _cursor, ...filters } = f;
  const { rows, nextCursor } = await fetchPage(actor, f, today, pageSize, { userId: actor.user.id, action: "WORKLIST_VIEWED", detail: { filters } });
  return { rows, nextCursor };
}

export const EXPORT_LIMIT = 20_000;

/** Every row of the filtered list (up to EXPORT_LIMIT), for the CSV export. */
export async function exportWorklist(actor: Actor, f: WorklistFilters, today: IsoDate) {
  assertCan(actor.user, "worklist.view");
  assertCan(actor.user, "export.csv");
  const rows: WorklistRow[] = [];
  const patientIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(actor, { ...f, etter: cursor }, today, 1000);
    rows.push(...page.rows);
    patientIds.push(...page.patientIds);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < EXPORT_LIMIT);
  const { etter: _cursor, ...filters } = f;
  const shown = rows.slice(0, EXPORT_LIMIT);
  await writeAudit(
    pooled(),
    { userId: actor.user.id, action: "EXPORT_DOWNLOADED", patientIds: patientIds.slice(0, shown.length), detail: { list: "worklist", filters, rows: shown.length } },
    actor.meta,
  );
  return { rows: shown, truncated: rows.length > EXPORT_LIMIT || cursor !== undefined };
}

/**
 * One page; with `audit`, the audit row (the patients of the rows shown and,
 * in its detail, their number) is written by the same statement: one round
 * trip instead of two. `patientIds[i]` is the patient of `rows[i]`.
 */
async function fetchPage(actor: Actor, f: WorklistFilters, today: IsoDate, pageSize: number, audit?: AuditEntry) {
  const select = Prisma.sql`
    SELECT w."id", w."pathwayId", w."reason"::text AS "reason", w."key",
      to_char(w."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(w."sinceOn", 'YYYY-MM-DD') AS "sinceOn",
      w."deadlineKind", w."noticeId", w."eventId", w."outcome", w."type"::text AS "type", w."setting"::text AS "setting",
      p."phase", u."id" AS "unitId", u."name" AS "unitName", p."patientId", ${shownPatientNameSql("p", "pt")} AS "patientName", pt."nationalId",
      c."id" AS "clinicianId", c."name" AS "clinicianName"
    FROM (
      -- the page's items first, then their joins: planning the joins of this
      -- 5-table query alone took PostgreSQL as long as running it (0.6 ms,
      -- 0.4 ms this way)
      SELECT w.* FROM "WorklistItem" w
      WHERE ${baseCondition(actor, f, today)} AND ${reasonCondition(f, today)} AND ${cursorCondition(f)}
      ORDER BY ${orderBy(f)}
      LIMIT ${pageSize + 1}
    ) w
      JOIN "Pathway" p ON p."id" = w."pathwayId"
      JOIN "Unit" u ON u."id" = w."unitId"
      JOIN "Patient" pt ON pt."id" = p."patientId"
      LEFT JOIN "User" c ON c."id" = p."responsibleClinicianId"`;
  // the rows shown are the page's first pageSize in its order: the look-ahead
  // row (there to know whether a next page exists) is not shown, nor audited
  const shown = Prisma.sql`FROM (
      SELECT count(*) AS n, COALESCE(array_agg(DISTINCT s."patientId" ORDER BY s."patientId"), '{}') AS ids
      FROM (SELECT "patientId" FROM page ORDER BY ${pageOrder(f)} LIMIT ${pageSize}) s
    ) shown`;
  const auditRow = audit
    ? Prisma.sql`, audit AS (${auditInsert(audit, actor.meta, shown, Prisma.sql`jsonb_build_object('rows', shown.n)`, Prisma.sql`shown.ids`)})`
    : Prisma.empty;
  // On pg directly: the coordinator's most frequent read (see sql.ts). Not
  // prepared: PostgreSQL's generic plan for it (no values known) is a parallel
  // scan 10–20× slower than the plan it makes for a given unit.
  const items = await pooled().rows(pageItem, Prisma.sql`
    WITH page AS MATERIALIZED (${select})${auditRow}
    SELECT * FROM page ORDER BY ${pageOrder(f)}`);
  const page = items.slice(0, pageSize);
  const last = page[page.length - 1];
  const nextCursor =
    items.length > pageSize && last
      ? encodeCursor({ reason: f.sortering === "grunn" ? last.reason : null, dueOn: last.dueOn, id: last.id })
      : null;
  const rows = page.map((item) => {
    const row = {
      reason: item.reason,
      dueOn: item.dueOn,
      sinceOn: item.sinceOn,
      deadlineKind: item.deadlineKind,
      noticeId: item.noticeId,
      eventId: item.eventId,
      outcome: item.outcome,
    };
    return {
      ...row,
      id: item.id,
      key: item.key,
      pathwayId: item.pathwayId,
      description: describeItem(row, today),
      type: item.type,
      setting: item.setting,
      phase: item.phase,
      unit: { id: item.unitId, name: item.unitName },
      patientName: item.patientName,
      maskedId: maskNationalId(item.nationalId),
      clinician: item.clinicianId ? { id: item.clinicianId, name: item.clinicianName ?? "" } : null,
    };
  });
  return { rows, nextCursor, patientIds: page.map((item) => item.patientId) };
}

export interface WorklistSummary {
  byFilter: Record<string, number>;
  thisMonth: { kind: "basis_assessment" | "first_evaluation"; met: number; total: number }[];
  monthStart: IsoDate;
}

/** Counts per reason (within the filters and horizon) and this month's compliance. */
export async function worklistSummary(actor: Actor, f: WorklistFilters, today: IsoDate): Promise<WorklistSummary> {
  assertCan(actor.user, "worklist.view");
  const monthStart = `${today.slice(0, 8)}01`;
  const units = scopedUnits(actor, f.enhet);
  const [byReason, thisMonth, referralsOverdue] = await Promise.all([
    pooled().rows(reasonCount, Prisma.sql`
      SELECT w."reason"::text AS "reason", count(*) AS "count", count(*) FILTER (WHERE w."dueOn" < ${today}::date) AS "overdue"
      FROM "WorklistItem" w WHERE ${baseCondition(actor, f, today)}
      GROUP BY w."reason"`),
    complianceThisMonth(units, f, monthStart, today),
    // referrals have no clinician: a clinician filter leaves none
    f.behandler ? 0 : countOverdueUnassessed(units, today, f.type),
  ]);
  const byFilter: Record<string, number> = {};
  for (const [slug, filter] of Object.entries(REASON_FILTERS)) {
    const row = byReason.find((r) => r.reason === filter.reason);
    const count = row?.count ?? 0;
    const overdue = row?.overdue ?? 0;
    byFilter[slug] = "overdue" in filter ? (filter.overdue ? overdue : count - overdue) : count;
  }
  // Unassessed referrals mostly have no pathway yet (it starts at the
  // assessment), so this count is the referral list's: the same number
  // /henvisninger shows as over the 10-working-day limit, and it links there.
  byFilter.henvisning = referralsOverdue;
  return { byFilter, thisMonth, monthStart };
}

/**
 * Deadlines decided this month (completed, or open and past due), as the rules
 * engine's `decidedOn` defines it, aggregated from the derived deadline rows
 * (the engine's verdict as of the last recompute, which runs every night).
 */
async function complianceThisMonth(units: string[], f: WorklistFilters, from: IsoDate, today: IsoDate) {
  const kinds = ["basis_assessment", "first_evaluation"] as const;
  const rows = await pooled().rows(kindCount, Prisma.sql`
    SELECT "kind", count(*) FILTER (WHERE "met") AS met, count(*) AS total
    FROM "PathwayDeadline"
    WHERE "unitId" = ANY(${units}::text[])
      AND "kind" = ANY(${[...kinds]}::text[])
      AND (${f.type ?? null}::text IS NULL OR "type"::text = ${f.type ?? null}::text)
      AND "decidedOn" BETWEEN ${from}::date AND ${today}::date
    GROUP BY "kind"`);
  return kinds.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, met: row?.met ?? 0, total: row?.total ?? 0 };
  });
}
