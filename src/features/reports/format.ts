import { DEADLINE_LABELS, type InvolvementIndicator } from "@/domain/rules";
import type { IndicatorKind } from "@/server/reports/queries";

export const NATIONAL_TARGET = 0.8;

export const KIND_LABELS: Record<IndicatorKind, string> = {
  referral_assessment: `${DEADLINE_LABELS.referral_assessment} innen 10 virkedager`,
  care_start: `${DEADLINE_LABELS.care_start} overholdt (første fremmøte senest på fristen)`,
  basis_assessment: `${DEADLINE_LABELS.basis_assessment} innen anbefalt tid`,
  extended_assessment: `${DEADLINE_LABELS.extended_assessment} innen anbefalt tid`,
  first_evaluation: `${DEADLINE_LABELS.first_evaluation} innen anbefalt tid`,
};

/** The involvement indicators (share of pathways with a treatment decision that have the activity). */
export const INVOLVEMENT_LABELS: Record<InvolvementIndicator, string> = {
  treatment_plan: "Involvert i behandlingsplan",
  informed_of_options: "Informert om behandlingsalternativer",
  feedback_tool: "Tilbakemeldingsverktøy brukt",
};

/** Fristbrudd: the legal deadlines decided in the period that were not met, and their share of those. */
export function breaches(s: { numerator: number; denominator: number }): { count: number; share: number | null } {
  const count = s.denominator - s.numerator;
  return { count, share: s.denominator ? count / s.denominator : null };
}

/** "83 %" (Norwegian: a space before the sign), or a dash when nothing was measured. */
export function percent(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)} %`;
}

export function belowTarget(share: number | null): boolean {
  return share !== null && share < NATIONAL_TARGET;
}
