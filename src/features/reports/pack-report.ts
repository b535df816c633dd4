import { INVOLVEMENT_INDICATORS, NOTICE_MESSAGES, type NoticeId } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import { compareNorwegian } from "@/lib/collate";
import { worstFirst } from "@/domain/reports/worst-first";
import type { codingLagReport, complianceReport, qualityReport, ReportScope, trendReport } from "@/server/reports/queries";
import { fraction, packKinds, type ClinicianCompliance, type ClinicianLag, type ClinicianQuality, type ReportData } from "./report-data";

// The report's figures as the numbers its client view needs (report-data.ts),
// the per-clinician tables worst first.

type Compliance = Awaited<ReturnType<typeof complianceReport>>;
type Trend = Awaited<ReturnType<typeof trendReport>>;
type Quality = Awaited<ReturnType<typeof qualityReport>>;
type Lag = Awaited<ReturnType<typeof codingLagReport>>;

/** NPR's text for a notice; an id the table does not know is shown as such rather than hidden. */
function noticeText(id: string): string {
  return NOTICE_MESSAGES[id as NoticeId] ?? `Ukjent oppmerksomhet (${id})`;
}

/** Responsible clinicians, most missed deadlines first ("Ingen ansvarlig behandler" ranks like the others). */
export function complianceByClinician(c: Compliance): ClinicianCompliance[] {
  const ranked = worstFirst(c.byClinician, (row) => {
    const shares = Object.values(row.byKind);
    const of = shares.reduce((s, x) => s + x.denominator, 0);
    return { name: row.name, problems: of - shares.reduce((s, x) => s + x.numerator, 0), of };
  }, compareNorwegian);
  return ranked.map((row) => ({ id: row.id, name: row.name, byKind: packKinds(row.byKind) }));
}

/** Clinicians who recorded events, most recorded late first. */
export function lagByClinician(l: Lag): ClinicianLag[] {
  return worstFirst(l.byClinician, (r) => ({ name: r.name, problems: r.late, of: r.events }), compareNorwegian)
    .map(({ id, name, events, median, late, lateShare }) => ({ id, name, events, median, late, lateShare }));
}

/** Clinicians who recorded events, most notices first. */
export function qualityByClinician(q: Quality): ClinicianQuality[] {
  return worstFirst(q.clinicians, (c) => ({ name: c.name, problems: c.notices, of: c.events }), compareNorwegian)
    .map(({ id, name, events, notices, per100 }) => ({ id, name, events, notices, per100 }));
}

const firstOf = <T,>(rows: T[], n: number) => ({ rows: rows.slice(0, n), total: rows.length, limit: n });

export function packReport(
  { scope, compliance, trend, quality, lag, base, top }: { scope: ReportScope; compliance: Compliance; trend: Trend; quality: Quality; lag: Lag; base: string; top: number },
): ReportData {
  return {
    base,
    previousLabel: `${formatNorwegianDate(compliance.previous.from)}–${formatNorwegianDate(compliance.previous.to)}`,
    total: packKinds(compliance.total),
    previous: packKinds(compliance.previous.total),
    feedback: fraction(compliance.feedback.total),
    involvement: INVOLVEMENT_INDICATORS.map((i) => fraction(compliance.involvement.total[i])),
    units: scope.units.map((u) => ({ id: u.id, name: u.name, kinds: packKinds(compliance.byUnit[u.id]), feedback: fraction(compliance.feedback.byUnit[u.id]) })),
    clinicians: firstOf(complianceByClinician(compliance), top),
    trend: trend.series.map((s) => ({ month: s.month, kinds: packKinds(s.byKind) })),
    lagUnits: lag.byUnit.map(({ id, name, events, median, late, lateShare }) => ({ id, name, events, median, late, lateShare })),
    lagClinicians: firstOf(lagByClinician(lag), top),
    quality: {
      events: quality.events,
      notices: quality.notices,
      explained: quality.explained,
      per100: quality.per100,
      byNotice: quality.byNotice.map((n) => [n.noticeId, noticeText(n.noticeId), n.total, n.explained]),
      clinicians: firstOf(qualityByClinician(quality), top),
    },
  };
}
