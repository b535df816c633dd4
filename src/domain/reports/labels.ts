import { DEADLINE_LABELS, type INDICATOR_KINDS, type InvolvementIndicator, type LateBucket } from "@/domain/rules";

// The report indicators' Norwegian names, shared by the report pages and their CSV export.

export const KIND_LABELS: Record<(typeof INDICATOR_KINDS)[number], string> = {
  referral_assessment: `${DEADLINE_LABELS.referral_assessment} innen 10 virkedager`,
  care_start: `${DEADLINE_LABELS.care_start} overholdt (første frammøte senest på fristen)`,
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

/** How late a missed deadline was met (days), the columns of "Hvor mye for sent". */
export const LATE_BUCKETS: LateBucket[] = ["1-7", "8-14", "15-28", ">28"];
