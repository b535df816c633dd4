import "server-only";
import { maskNationalId } from "@/domain/national-id";
import { describeItem, GROUP_SLUGS, WORKLIST_GROUPS, WORKLIST_REASONS, type WorklistGroup, type WorklistItemDraft } from "@/domain/worklist";
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
import type { WorklistFilters } from "./filters";
import { countsByReason, reasonCount, type ReasonCount } from "./counts";
import { baseCondition, decodeCursor, encodeCursor, listMayBePrepared, liveAndFiltered, PAGE_ORDER, scopedUnits, segmentRanges } from "./where";

// The worklist is an indexed range query on the derived WorklistItem rows
// (unitId, dueOn, id): no pathway is evaluated per request, no exact count over
// the whole table. Pages are keyset-paginated ("etter" = the last row seen).

export const PAGE_SIZE = 50;

/** The page a request shows: 1, or the one after the cursor's. */
export function pageNumber(f: WorklistFilters): number {
  return f.etter ? decodeCursor(f.etter).page : 1;
}

/** A stored item (the engine's draft) with its pathway's columns, as the page query returns it (exported for scripts/bench-rows.ts). */
export const pageItem = z.object({
  id: z.string(),
  /** the row's place in the urgency order (its segment) */
  rank: z.number().int(),
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
  // On pg directly: the coordinator's most frequent read (see sql.ts)
  const items = await pooled({ prepared: listMayBePrepared(f) }).rows(pageItem, pageStatement(actor, f, today, pageSize, audit));
  const page = items.slice(0, pageSize);
  const last = page[page.length - 1];
  const nextCursor =
    items.length > pageSize && last
      ? encodeCursor({ rank: last.rank, dueOn: last.dueOn, id: last.id, page: pageNumber(f) + 1 })
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
    // every field named, no `...row`: V8 made each of these objects by a slow
    // path of object spread (~36 µs a row, ~1.8 ms of Node's CPU per page view in
    // a micro-benchmark; ~27 µs a page with the fields named)
    return {
      reason: row.reason,
      dueOn: row.dueOn,
      sinceOn: row.sinceOn,
      deadlineKind: row.deadlineKind,
      noticeId: row.noticeId,
      eventId: row.eventId,
      outcome: row.outcome,
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

/** The page's statement (exported so that its plan can be tested). */
export function pageStatement(actor: Actor, f: WorklistFilters, today: IsoDate, pageSize: number, audit?: AuditEntry): Prisma.Sql {
  const ranges = segmentRanges(f, today);
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new Error(`page size ${pageSize}`);
  const limit = Prisma.raw(String(pageSize + 1));
  // an array PostgreSQL cannot count when planning (see below)
  const opaque = (values: readonly (string | number)[], type: string) => Prisma.sql`(SELECT ${values}::${Prisma.raw(type)}[])`;
  // Each range of the urgency order (where.ts) reads at most a page of rows
  // from its index range, per unit, before the page's joins. The ranges, the
  // units and the dates are values, so the statement's text is the same for
  // every view with the same filters set: prepared where its plan without the
  // values is the good one (listMayBePrepared), parsed once per connection.
  // The LIMIT is in the text: as a value, the generic plan expected more rows
  // and joined them by scanning every user. The arrays are behind a SELECT
  // (opaque) so that PostgreSQL cannot count their elements when planning with the values:
  // then its plan with them costs what the generic plan does, and after five
  // executions it keeps the generic plan (planning the statement took ~1.5 ms
  // of its CPU per view).
  const select = Prisma.sql`
    SELECT w."id", w."rank", w."pathwayId", w."reason"::text AS "reason", w."key",
      to_char(w."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(w."sinceOn", 'YYYY-MM-DD') AS "sinceOn",
      w."deadlineKind", w."noticeId", w."eventId", w."outcome", w."type"::text AS "type", w."setting"::text AS "setting",
      p."phase", u."id" AS "unitId", u."name" AS "unitName", p."patientId", ${shownPatientNameSql("p", "pt")} AS "patientName", pt."nationalId",
      c."id" AS "clinicianId", c."name" AS "clinicianName"
    FROM (
      SELECT i.* FROM unnest(${opaque(ranges.map((r) => r.rank), "int")}, ${opaque(ranges.map((r) => r.reason), "text")},
          ${opaque(ranges.map((r) => r.afterDue), "date")}, ${opaque(ranges.map((r) => r.afterId), "text")}, ${opaque(ranges.map((r) => r.lastDue), "date")})
          AS s("rank", "reason", "afterDue", "afterId", "lastDue")
        CROSS JOIN unnest(${opaque(scopedUnits(actor, f.enhet), "text")}) AS un("unitId")
        CROSS JOIN LATERAL (
          SELECT w.*, s."rank" FROM "WorklistItem" w
          WHERE w."unitId" = un."unitId" AND w."reason" = s."reason"::"WorklistReason"
            AND (w."dueOn", w."id") > (s."afterDue", s."afterId") AND w."dueOn" <= s."lastDue"
            AND ${liveAndFiltered(f, today)}
          ORDER BY w."dueOn", w."id" LIMIT ${limit}
        ) i
      ORDER BY i."rank", i."dueOn", i."id" LIMIT ${limit}
    ) w
      JOIN "Pathway" p ON p."id" = w."pathwayId"
      JOIN "Unit" u ON u."id" = w."unitId"
      JOIN "Patient" pt ON pt."id" = p."patientId"
      LEFT JOIN "User" c ON c."id" = p."responsibleClinicianId"`;
  // the rows shown are the page's first pageSize in its order: the look-ahead
  // row (there to know whether a next page exists) is not shown, nor audited
  const shown = Prisma.sql`FROM (
      SELECT count(*) AS n, COALESCE(array_agg(DISTINCT s."patientId" ORDER BY s."patientId"), '{}') AS ids
      FROM (SELECT "patientId" FROM page ORDER BY ${PAGE_ORDER} LIMIT ${pageSize}) s
    ) shown`;
  const auditRow = audit
    ? Prisma.sql`, audit AS (${auditInsert(audit, actor.meta, shown, Prisma.sql`jsonb_build_object('rows', shown.n)`, Prisma.sql`shown.ids`)})`
    : Prisma.empty;
  return Prisma.sql`
    WITH page AS MATERIALIZED (${select})${auditRow}
    SELECT * FROM page ORDER BY ${PAGE_ORDER}`;
}

export interface WorklistSummary {
  byFilter: Record<string, number>;
  /** rows of the list as filtered (all pages) */
  total: number;
  thisMonth: { kind: "basis_assessment" | "first_evaluation"; met: number; total: number }[];
  monthStart: IsoDate;
}

/** Counts per reason (within the filters and horizon) and this month's compliance. */
export async function worklistSummary(actor: Actor, f: WorklistFilters, today: IsoDate): Promise<WorklistSummary> {
  assertCan(actor.user, "worklist.view");
  const monthStart = `${today.slice(0, 8)}01`;
  const units = scopedUnits(actor, f.enhet);
  const [byReason, thisMonth, referralsOverdue] = await Promise.all([
    // the kept counts carry every filter but the clinician's
    (f.behandler ? Promise.resolve(null) : countsByReason(pooled(), units, f, today)).then((kept) => kept ?? countItemsByReason(actor, f, today)),
    complianceThisMonth(units, f, monthStart, today),
    // referrals have no clinician: a clinician filter leaves none
    f.behandler ? 0 : countOverdueUnassessed(units, today, f.type),
  ]);
  const byFilter: Record<string, number> = {};
  for (const slug of GROUP_SLUGS) {
    const group: WorklistGroup = WORKLIST_GROUPS[slug];
    const row = byReason.find((r) => r.reason === group.reason);
    const count = row?.count ?? 0;
    const overdue = row?.overdue ?? 0;
    byFilter[slug] = group.overdue === undefined ? count : group.overdue ? overdue : count - overdue;
  }
  // the rows the list holds (its "side x av y")
  const total = f.grunn ? byFilter[f.grunn] : Object.values(byFilter).reduce((a, b) => a + b, 0);
  // Unassessed referrals mostly have no pathway yet (it starts at the
  // assessment), so this count is the referral list's: the same number
  // /henvisninger shows as over the 10-working-day limit, and it links there.
  byFilter.henvisning = referralsOverdue;
  return { byFilter, total, thisMonth, monthStart };
}

/** The summary's count per reason from the items themselves (any filter; the kept counts must equal it). */
export async function countItemsByReason(actor: Actor, f: WorklistFilters, today: IsoDate): Promise<ReasonCount[]> {
  return pooled().rows(reasonCount, Prisma.sql`
    SELECT w."reason"::text AS "reason", count(*) AS "count", count(*) FILTER (WHERE w."dueOn" < ${today}::date) AS "overdue"
    FROM "WorklistItem" w WHERE ${baseCondition(actor, f, today)}
    GROUP BY w."reason"`);
}

const MONTH_KINDS = ["basis_assessment", "first_evaluation"] as const;

/** The month count's statement (exported so its plan can be tested: an index-only scan). */
export function complianceThisMonthSql(units: string[], type: string | null, from: IsoDate, today: IsoDate) {
  return Prisma.sql`
    SELECT "kind", count(*) FILTER (WHERE "met") AS met, count(*) AS total
    FROM "PathwayDeadline"
    WHERE "unitId" = ANY(${units}::text[])
      AND "kind" = ANY(${[...MONTH_KINDS]}::text[])
      AND (${type}::text IS NULL OR "type"::text = ${type}::text)
      AND "decidedOn" BETWEEN ${from}::date AND ${today}::date
    GROUP BY "kind"`;
}

/**
 * Deadlines decided this month (completed, or open and past due), as the rules
 * engine's `decidedOn` defines it, aggregated from the derived deadline rows
 * (the engine's verdict as of the last recompute, which runs every night).
 */
async function complianceThisMonth(units: string[], f: WorklistFilters, from: IsoDate, today: IsoDate) {
  const rows = await pooled().rows(kindCount, complianceThisMonthSql(units, f.type ?? null, from, today));
  return MONTH_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, met: row?.met ?? 0, total: row?.total ?? 0 };
  });
}
