import type { IsoDate } from "@/lib/dates";
import { ACTIVITY_VALUES, type InvolvementIndicator } from "./codes";
import type { DeadlineKind, NoticeId } from "./labels";
import type { Deadline, PathwayEvaluation } from "./types";

// National quality indicators over many pathways for a period (inclusive).
// A deadline belongs to the period in which it was decided: its completion date,
// or, for one still open and past due, its due date. Open deadlines not yet due
// are not counted ("no deadline yet" is never "on time").

export interface IndicatorPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** care_start: the legal deadline (juridisk frist); its breaches are the fristbrudd. */
export const INDICATOR_KINDS = ["referral_assessment", "care_start", "basis_assessment", "extended_assessment", "first_evaluation"] as const satisfies readonly DeadlineKind[];
export type LateBucket = "1-7" | "8-14" | "15-28" | ">28";

export interface ShareWithinTime {
  numerator: number;
  denominator: number;
  /** null when nothing was measured */
  share: number | null;
  breachesByCause: { patient: number; service: number };
  daysLate: Record<LateBucket, number>;
}

/** A share without deadlines (involvement): pathways with the activity among the pathways measured. */
export interface Share {
  numerator: number;
  denominator: number;
  share: number | null;
}

export const INVOLVEMENT_INDICATORS = ["treatment_plan", "informed_of_options", "feedback_tool"] as const satisfies readonly InvolvementIndicator[];

/** The activity (U's outcome) each involvement indicator looks for, from the activity table. */
export const INVOLVEMENT_ACTIVITY = Object.fromEntries(
  INVOLVEMENT_INDICATORS.map((indicator) => [indicator, ACTIVITY_VALUES.find((a) => a.indicator === indicator)!.code]),
) as Record<InvolvementIndicator, string>;

export interface Indicators {
  period: IndicatorPeriod;
  pathways: number;
  byKind: Record<(typeof INDICATOR_KINDS)[number], ShareWithinTime>;
  events: number;
  notices: number;
  noticesPer100Events: number | null;
  noticesById: Partial<Record<NoticeId, number>>;
  /**
   * Involvement (involvering): of the pathways with a treatment decision (C
   * with P or T) in the period, the share with the indicator's activity (U)
   * dated on or before the period's end.
   */
  involvement: Record<InvolvementIndicator, Share>;
}

export function lateBucket(daysLate: number): LateBucket {
  if (daysLate <= 7) return "1-7";
  if (daysLate <= 14) return "8-14";
  if (daysLate <= 28) return "15-28";
  return ">28";
}

/** The date a deadline is counted on, or null when it does not count (yet). */
export function decidedOn(d: Deadline): IsoDate | null {
  if (d.completedOn) return d.completedOn;
  return d.met === false ? d.due : null;
}

function emptyShare(): ShareWithinTime {
  return { numerator: 0, denominator: 0, share: null, breachesByCause: { patient: 0, service: 0 }, daysLate: { "1-7": 0, "8-14": 0, "15-28": 0, ">28": 0 } };
}

/** NPR leaves these pathways out of the calculation ("Ikke med i beregning"). */
export const EXCLUDING_NOTICE_IDS = ["MISSING_START", "FIRST_NOT_START", "NOT_IN_FORCE"] as const satisfies readonly NoticeId[];
const EXCLUDING_NOTICES: ReadonlySet<NoticeId> = new Set(EXCLUDING_NOTICE_IDS);

export function countsInIndicators(evaluation: Pick<PathwayEvaluation, "notices">): boolean {
  return !evaluation.notices.some((n) => EXCLUDING_NOTICES.has(n.id));
}

export function computeIndicators(evaluations: PathwayEvaluation[], period: IndicatorPeriod): Indicators {
  const byKind = Object.fromEntries(INDICATOR_KINDS.map((k) => [k, emptyShare()])) as Indicators["byKind"];
  const inPeriod = (date: IsoDate | null) => date !== null && date >= period.from && date <= period.to;
  let events = 0;
  let notices = 0;
  const noticesById: Partial<Record<NoticeId, number>> = {};
  for (const evaluation of evaluations) {
    const counted = countsInIndicators(evaluation);
    for (const d of counted ? evaluation.deadlines : []) {
      const share = (byKind as Record<string, ShareWithinTime>)[d.kind];
      if (!share || !inPeriod(decidedOn(d))) continue;
      share.denominator += 1;
      if (d.met) share.numerator += 1;
      else {
        share.breachesByCause[d.cause === "patient" ? "patient" : "service"] += 1;
        share.daysLate[lateBucket(d.daysLate)] += 1;
      }
    }
    for (const date of evaluation.eventDates) if (inPeriod(date)) events += 1;
    for (const n of evaluation.notices) {
      if (!inPeriod(n.date)) continue;
      notices += 1;
      noticesById[n.id] = (noticesById[n.id] ?? 0) + 1;
    }
  }
  for (const share of Object.values(byKind)) share.share = share.denominator ? share.numerator / share.denominator : null;
  const involvement = involvementShares(evaluations, period);
  return {
    period,
    pathways: evaluations.length,
    byKind,
    events,
    notices,
    noticesPer100Events: events ? (notices / events) * 100 : null,
    noticesById,
    involvement,
  };
}

function involvementShares(evaluations: PathwayEvaluation[], period: IndicatorPeriod): Record<InvolvementIndicator, Share> {
  const shares = Object.fromEntries(INVOLVEMENT_INDICATORS.map((i) => [i, { numerator: 0, denominator: 0, share: null }])) as Record<InvolvementIndicator, Share>;
  for (const evaluation of evaluations) {
    if (!countsInIndicators(evaluation) || !evaluation.treatmentDecisionDates.some((d) => d >= period.from && d <= period.to)) continue;
    for (const indicator of INVOLVEMENT_INDICATORS) {
      const share = shares[indicator];
      share.denominator += 1;
      if (evaluation.activities.some((a) => a.code === INVOLVEMENT_ACTIVITY[indicator] && a.date <= period.to)) share.numerator += 1;
    }
  }
  for (const share of Object.values(shares)) share.share = share.denominator ? share.numerator / share.denominator : null;
  return shares;
}
