import type { IsoDate } from "@/lib/dates";
import "server-only";
import { INDICATOR_KINDS, type LateBucket } from "@/domain/rules";
import { LATE_BUCKETS } from "@/domain/reports/labels";
import { lastTwelveMonths, type Period } from "@/domain/reports/period";
import { CODING_LAG_CAP_DAYS, lagSummary, previousPeriod, type LagSummary } from "@/domain/reports/compare";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { prisma } from "@/server/db";
import { sqlOf } from "@/server/sql";
import { int8, sqlDate } from "@/server/sql-rows";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { periodOf, type ReportFilters } from "./filters";
import { involvementShares } from "./involvement";
import { compareNorwegian } from "@/lib/collate";

// The leader's figures, aggregated in SQL from the rules engine's stored
// verdicts (PathwayDeadline, PathwayNotice): the same numbers the engine's
// computeIndicators gives on the same pathways (tested), without evaluating
// pathways per request.

export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export { LATE_BUCKETS };

export interface Share {
  numerator: number;
  denominator: number;
  share: number | null;
  patient: number;
  service: number;
  late: Record<LateBucket, number>;
}

export function emptyShare(): Share {
  return { numerator: 0, denominator: 0, share: null, patient: 0, service: 0, late: { "1-7": 0, "8-14": 0, "15-28": 0, ">28": 0 } };
}

function add(target: Share, row: Pick<AggregateRow, "total" | "met" | "patient" | "service" | "b1" | "b2" | "b3" | "b4">) {
  target.denominator += row.total;
  target.numerator += row.met;
  target.patient += row.patient;
  target.service += row.service;
  target.late["1-7"] += row.b1;
  target.late["8-14"] += row.b2;
  target.late["15-28"] += row.b3;
  target.late[">28"] += row.b4;
  target.share = target.denominator ? target.numerator / target.denominator : null;
}

const aggregateRow = z.object({
  unitId: z.string(),
  type: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  month: sqlDate.nullable(),
  total: int8,
  met: int8,
  patient: int8,
  service: int8,
  b1: int8,
  b2: int8,
  b3: int8,
  b4: int8,
});
type AggregateRow = z.output<typeof aggregateRow>;

export interface ReportScope {
  units: { id: string; name: string }[];
  unitIds: string[];
  period: Period;
  type: string | null;
}

/** The actor's units (narrowed by the unit filter; a foreign unit gives none) and the period. */
export async function reportScope(actor: Actor, f: ReportFilters, today: IsoDate): Promise<ReportScope> {
  assertCan(actor.user, "report.view");
  const unitIds = f.enhet ? actor.user.unitIds.filter((u) => u === f.enhet) : actor.user.unitIds;
  const units = await prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return { units, unitIds: units.map((u) => u.id), period: periodOf(f, today), type: f.type ?? null };
}

function deadlineAggregates(scope: ReportScope, from: IsoDate, to: IsoDate, byMonth: boolean) {
  const month = byMonth ? Prisma.sql`to_char("decidedOn", 'YYYY-MM-01')` : Prisma.sql`NULL`;
  return sqlOf(prisma).rows(aggregateRow, Prisma.sql`
    SELECT "unitId", "type"::text AS "type", "kind", ${month} AS "month", ${SHARE_COUNTS}
    FROM "PathwayDeadline"
    WHERE ${deadlineScope(scope, from, to)}
    GROUP BY 1, 2, 3, 4`);
}

const SHARE_COUNTS = Prisma.sql`
      count(*) AS total,
      count(*) FILTER (WHERE "met") AS met,
      count(*) FILTER (WHERE NOT "met" AND "cause" = 'patient') AS patient,
      count(*) FILTER (WHERE NOT "met" AND "cause" IS DISTINCT FROM 'patient') AS service,
      count(*) FILTER (WHERE NOT "met" AND "daysLate" <= 7) AS b1,
      count(*) FILTER (WHERE NOT "met" AND "daysLate" BETWEEN 8 AND 14) AS b2,
      count(*) FILTER (WHERE NOT "met" AND "daysLate" BETWEEN 15 AND 28) AS b3,
      count(*) FILTER (WHERE NOT "met" AND "daysLate" > 28) AS b4`;

/** The deadlines decided in [from, to] in the scope's units (and type): the (unitId, kind, decidedOn) index. */
function deadlineScope(scope: ReportScope, from: IsoDate, to: IsoDate, alias = Prisma.empty) {
  const c = (column: string) => Prisma.sql`${alias}${Prisma.raw(`"${column}"`)}`;
  return Prisma.sql`${c("unitId")} = ANY(${scope.unitIds}::text[])
      AND ${c("kind")} = ANY(${[...INDICATOR_KINDS]}::text[])
      AND ${c("decidedOn")} BETWEEN ${from}::date AND ${to}::date
      AND (${scope.type}::text IS NULL OR ${c("type")}::text = ${scope.type}::text)`;
}

const clinicianAggregateRow = aggregateRow.omit({ unitId: true, type: true, month: true }).extend({ clinicianId: z.string().nullable() });

/** The same counts per the pathway's responsible clinician (as the pathway has it now). */
function clinicianAggregates(scope: ReportScope) {
  return sqlOf(prisma).rows(clinicianAggregateRow, Prisma.sql`
    SELECT p."responsibleClinicianId" AS "clinicianId", d."kind", ${SHARE_COUNTS}
    FROM "PathwayDeadline" d JOIN "Pathway" p ON p."id" = d."pathwayId"
    WHERE ${deadlineScope(scope, scope.period.from, scope.period.to, Prisma.raw(`d.`))}
    GROUP BY 1, 2`);
}

const byKind = () => Object.fromEntries(INDICATOR_KINDS.map((k) => [k, emptyShare()])) as Record<IndicatorKind, Share>;

export interface FeedbackShare {
  numerator: number;
  denominator: number;
  share: number | null;
}

/** Clinical decisions (C) in the period followed by feedback to the referrer (F) on or after that day. */
async function feedbackShares(scope: ReportScope) {
  const rows = await sqlOf(prisma).rows(z.object({ unitId: z.string(), total: int8, withF: int8 }), Prisma.sql`
    SELECT c."unitId", count(*) AS total,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM "PathwayEvent" f
        WHERE f."pathwayId" = c."pathwayId" AND f."code" = 'F' AND f."annulledAt" IS NULL AND f."clinicalDate" >= c."clinicalDate"
      )) AS "withF"
    FROM "PathwayEvent" c JOIN "Pathway" p ON p."id" = c."pathwayId"
    WHERE c."code" = 'C' AND c."annulledAt" IS NULL
      AND c."unitId" = ANY(${scope.unitIds}::text[])
      AND c."clinicalDate" BETWEEN ${scope.period.from}::date AND ${scope.period.to}::date
      AND (${scope.type}::text IS NULL OR p."type"::text = ${scope.type}::text)
    GROUP BY 1`);
  const share = (list: typeof rows): FeedbackShare => {
    const denominator = list.reduce((s, r) => s + r.total, 0);
    const numerator = list.reduce((s, r) => s + r.withF, 0);
    return { numerator, denominator, share: denominator ? numerator / denominator : null };
  };
  return { total: share(rows), byUnit: Object.fromEntries(scope.unitIds.map((id) => [id, share(rows.filter((r) => r.unitId === id))])) };
}

/** `given`: the page's scope, already resolved by reportScope, so it is not resolved three times. */
export async function complianceReport(actor: Actor, f: ReportFilters, today: IsoDate, given?: ReportScope) {
  const scope = given ?? (await reportScope(actor, f, today));
  const previous = previousPeriod(scope.period);
  const [rows, previousRows, clinicianRows, feedback, involvement] = await Promise.all([
    deadlineAggregates(scope, scope.period.from, scope.period.to, false),
    deadlineAggregates(scope, previous.from, previous.to, false),
    clinicianAggregates(scope),
    feedbackShares(scope),
    involvementShares(scope),
  ]);
  const previousTotal = byKind();
  for (const row of previousRows) add(previousTotal[row.kind], row);
  const clinicians = new Map<string | null, Record<IndicatorKind, Share>>();
  for (const row of clinicianRows) {
    if (!clinicians.has(row.clinicianId)) clinicians.set(row.clinicianId, byKind());
    add(clinicians.get(row.clinicianId)![row.kind], row);
  }
  const names = await userNames([...clinicians.keys()].filter((id): id is string => id !== null));
  const byClinician = [...clinicians.entries()]
    .map(([id, shares]) => ({ id, name: id === null ? "Ingen ansvarlig behandler" : names.get(id) ?? "Ukjent", byKind: shares }))
    .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : compareNorwegian(a.name, b.name)));
  const total = byKind();
  const byUnit = Object.fromEntries(scope.unitIds.map((id) => [id, byKind()]));
  const byType: Record<string, Record<IndicatorKind, Share>> = {};
  for (const row of rows) {
    const kind = row.kind;
    add(total[kind], row);
    add(byUnit[row.unitId][kind], row);
    add((byType[row.type] ??= byKind())[kind], row);
  }
  await auditReportViewed(actor, "compliance", f);
  return { scope, total, byUnit, byType, feedback, involvement, previous: { ...previous, total: previousTotal }, byClinician };
}

/** The audit row of a report's view (figures, no patients: the drill-downs name theirs). */
export async function auditReportViewed(actor: Actor, report: string, f: ReportFilters) {
  await writeAudit(prisma, { userId: actor.user.id, action: "REPORT_VIEWED", detail: { report, filters: f } }, actor.meta);
}

/** The same shares month by month for the 12 months ending this month. */
export async function trendReport(actor: Actor, f: ReportFilters, today: IsoDate, given?: ReportScope) {
  const scope = given ?? (await reportScope(actor, f, today));
  const months = lastTwelveMonths(today);
  const end = new Date(`${months[11]}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + 1);
  end.setUTCDate(0);
  const rows = await deadlineAggregates(scope, months[0], end.toISOString().slice(0, 10), true);
  const series = months.map((month) => ({ month, byKind: byKind() }));
  for (const row of rows) {
    const point = series.find((s) => s.month === row.month);
    if (point) add(point.byKind[row.kind], row);
  }
  return { scope, series };
}

/** Notices per 100 events, by notice and by the clinician who recorded the event. */
export async function qualityReport(actor: Actor, f: ReportFilters, today: IsoDate, given?: ReportScope) {
  const scope = given ?? (await reportScope(actor, f, today));
  const { from, to } = scope.period;
  // events carry no type: join their pathway only when the type filter asks for it
  const eventTypeJoin = scope.type
    ? Prisma.sql`JOIN "Pathway" p ON p."id" = e."pathwayId" AND p."type"::text = ${scope.type}::text`
    : Prisma.empty;
  const noticeType = Prisma.sql`(${scope.type}::text IS NULL OR n."type"::text = ${scope.type}::text)`;
  const [eventCounts, byNotice, byClinician] = await Promise.all([
    sqlOf(prisma).rows(z.object({ recordedById: z.string(), events: int8 }), Prisma.sql`
      SELECT e."recordedById", count(*) AS events
      FROM "PathwayEvent" e ${eventTypeJoin}
      WHERE e."unitId" = ANY(${scope.unitIds}::text[]) AND e."clinicalDate" BETWEEN ${from}::date AND ${to}::date
        AND e."annulledAt" IS NULL
      GROUP BY 1`),
    sqlOf(prisma).rows(z.object({ noticeId: z.string(), total: int8, explained: int8 }), Prisma.sql`
      SELECT n."noticeId", count(*) AS total, count(x."id") AS explained
      FROM "PathwayNotice" n
      LEFT JOIN "NoticeExplanation" x ON x."pathwayId" = n."pathwayId" AND x."noticeKey" = n."noticeKey"
      WHERE n."unitId" = ANY(${scope.unitIds}::text[]) AND n."date" BETWEEN ${from}::date AND ${to}::date AND ${noticeType}
      GROUP BY 1 ORDER BY 2 DESC`),
    sqlOf(prisma).rows(z.object({ recordedById: z.string().nullable(), total: int8, explained: int8 }), Prisma.sql`
      SELECT n."recordedById", count(*) AS total, count(x."id") AS explained
      FROM "PathwayNotice" n
      LEFT JOIN "NoticeExplanation" x ON x."pathwayId" = n."pathwayId" AND x."noticeKey" = n."noticeKey"
      WHERE n."unitId" = ANY(${scope.unitIds}::text[]) AND n."date" BETWEEN ${from}::date AND ${to}::date AND ${noticeType}
      GROUP BY 1`),
  ]);
  const names = await userNames(eventCounts.map((e) => e.recordedById));
  const events = eventCounts.map((e) => ({ ...e, name: names.get(e.recordedById) ?? "Ukjent" }));
  const totalEvents = events.reduce((s, r) => s + r.events, 0);
  const totalNotices = byNotice.reduce((s, r) => s + r.total, 0);
  const per100 = (notices: number, count: number) => (count ? (notices / count) * 100 : null);
  const clinicians = events
    .map((e) => {
      const n = byClinician.find((c) => c.recordedById === e.recordedById);
      const notices = n?.total ?? 0;
      return { id: e.recordedById, name: e.name, events: e.events, notices, explained: n?.explained ?? 0, per100: per100(notices, e.events) };
    })
    .sort((a, b) => (b.per100 ?? 0) - (a.per100 ?? 0) || compareNorwegian(a.name, b.name));
  return {
    scope,
    events: totalEvents,
    notices: totalNotices,
    explained: byNotice.reduce((s, r) => s + r.explained, 0),
    per100: per100(totalNotices, totalEvents),
    byNotice: byNotice.map((r) => ({ noticeId: r.noticeId, total: r.total, explained: r.explained })),
    clinicians,
  };
}

async function userNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
}

const lagRow = z.object({ clinicianId: z.string(), unitId: z.string(), lag: z.number().int(), count: int8 });

export interface CodingLag extends LagSummary {
  id: string;
  name: string;
}

/**
 * Coding lag of the events with a clinical date in the period: the Oslo date
 * the event was recorded minus its clinical date, in days. One pass over the
 * (unitId, clinicalDate) index counts events per (clinician, unit, lag) (a
 * hash aggregate, no sort); median and share over 7 days per clinician who
 * recorded the event and per unit come from that histogram (lagSummary).
 */
export async function codingLagReport(actor: Actor, f: ReportFilters, today: IsoDate, given?: ReportScope) {
  const scope = given ?? (await reportScope(actor, f, today));
  const { from, to } = scope.period;
  const eventTypeJoin = scope.type
    ? Prisma.sql`JOIN "Pathway" p ON p."id" = e."pathwayId" AND p."type"::text = ${scope.type}::text`
    : Prisma.empty;
  const histogram = await sqlOf(prisma).rows(lagRow, Prisma.sql`
    SELECT e."recordedById" AS "clinicianId", e."unitId",
      LEAST((e."recordedAt" AT TIME ZONE 'Europe/Oslo')::date - e."clinicalDate", ${CODING_LAG_CAP_DAYS}::int) AS lag, count(*) AS count
    FROM "PathwayEvent" e ${eventTypeJoin}
    WHERE e."unitId" = ANY(${scope.unitIds}::text[]) AND e."clinicalDate" BETWEEN ${from}::date AND ${to}::date
      AND e."annulledAt" IS NULL
    GROUP BY 1, 2, 3`);
  const grouped = (key: (r: z.output<typeof lagRow>) => string) => {
    const groups = new Map<string, z.output<typeof lagRow>[]>();
    for (const r of histogram) {
      const list = groups.get(key(r));
      if (list) list.push(r);
      else groups.set(key(r), [r]);
    }
    return [...groups].map(([id, rows]) => ({ id, ...lagSummary(rows) }));
  };
  const byClinician = grouped((r) => r.clinicianId);
  const names = await userNames(byClinician.map((r) => r.id));
  const unitNames = new Map(scope.units.map((u) => [u.id, u.name]));
  const byName = (a: CodingLag, b: CodingLag) => compareNorwegian(a.name, b.name);
  return {
    scope,
    byClinician: byClinician.map((r) => ({ ...r, name: names.get(r.id) ?? "Ukjent" })).sort((a, b) => (b.lateShare ?? 0) - (a.lateShare ?? 0) || byName(a, b)),
    byUnit: grouped((r) => r.unitId).map((r) => ({ ...r, name: unitNames.get(r.id) ?? "Ukjent enhet" })).sort(byName),
  };
}
