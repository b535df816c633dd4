import { addDays, type IsoDate } from "@/lib/dates";
import { daysBetween } from "@/domain/rules";
import type { Period } from "./period";

// Pure helpers for the leader's reports: the previous period, the change in a
// share, one trend point's words, the drill-down's pages and what it counts.

/** The period of the same length (in days) that ends the day before `period` starts. */
export function previousPeriod(period: Pick<Period, "from" | "to">): { from: IsoDate; to: IsoDate } {
  const length = daysBetween(period.from, period.to);
  const to = addDays(period.from, -1);
  return { from: addDays(to, -length), to };
}

/** The change in percentage points, rounded to whole points; null when either side measured nothing. */
export function shareChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round(current * 100) - Math.round(previous * 100);
}

/** "+5 pp", "−3 pp", "±0 pp", or "–" when there is nothing to compare. */
export function changeText(change: number | null): string {
  if (change === null) return "–";
  if (change === 0) return "±0 pp";
  return `${change > 0 ? "+" : "−"}${Math.abs(change)} pp`;
}

/** One trend point in words, with its n: "100 % (1 av 1)", "0 % (0 av 3)", "ingen målt (0 av 0)". */
export function pointText(s: { numerator: number; denominator: number }): string {
  if (!s.denominator) return "ingen målt (0 av 0)";
  return `${Math.round((s.numerator / s.denominator) * 100)} % (${s.numerator} av ${s.denominator})`;
}

export interface PageOf {
  page: number;
  pages: number;
  offset: number;
}

/** Page `requested` (1-based, clamped to 1..pages) of `total` rows, `size` a page. */
export function pageOf(total: number, requested: number, size: number): PageOf {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pages);
  return { page, pages, offset: (page - 1) * size };
}

export type DrillDownKind = "frist" | "merknad" | "tilbakemelding" | "involvering";

/**
 * What a drill-down's rows are: a deadline list counts deadlines (a pathway
 * may have several), the feedback list clinical decisions (a pathway may have
 * several C), the notice list notices, the involvement list pathways.
 */
export function countNoun(kind: DrillDownKind, n: number): string {
  const one = n === 1;
  switch (kind) {
    case "frist":
      return one ? "frist" : "frister";
    case "merknad":
      return one ? "oppmerksomhet" : "oppmerksomheter";
    case "tilbakemelding":
      return one ? "klinisk beslutning" : "kliniske beslutninger";
    case "involvering":
      return "forløp";
  }
}

/** Coding lag: recorded date − clinical date in Oslo days; "late" means more than this many days. */
export const CODING_LAG_LATE_DAYS = 7;

/** Lags at or above this are counted as this (a bounded histogram); the median then reads "at least a year". */
export const CODING_LAG_CAP_DAYS = 366;

export interface LagSummary {
  events: number;
  median: number | null;
  late: number;
  lateShare: number | null;
}

/**
 * Median (the lower middle for an even count) and the number and share over
 * 7 days, from a histogram of lags (days → how many events).
 */
export function lagSummary(histogram: readonly { lag: number; count: number }[]): LagSummary {
  const rows = [...histogram].filter((h) => h.count > 0).sort((a, b) => a.lag - b.lag);
  const events = rows.reduce((s, h) => s + h.count, 0);
  if (events === 0) return { events: 0, median: null, late: 0, lateShare: null };
  const middle = Math.ceil(events / 2);
  let seen = 0;
  let median = rows[rows.length - 1].lag;
  for (const h of rows) {
    seen += h.count;
    if (seen >= middle) {
      median = h.lag;
      break;
    }
  }
  const late = rows.filter((h) => h.lag > CODING_LAG_LATE_DAYS).reduce((s, h) => s + h.count, 0);
  return { events, median, late, lateShare: late / events };
}

/** The same from a list of lags, one per event. */
export function codingLag(lags: readonly number[]): LagSummary {
  const counts = new Map<number, number>();
  for (const lag of lags) counts.set(lag, (counts.get(lag) ?? 0) + 1);
  return lagSummary([...counts].map(([lag, count]) => ({ lag, count })));
}
