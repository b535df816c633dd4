// Norwegian labels and notice texts. The first eight notice texts are NPR's own.

export type Phase =
  | "awaiting_start"
  | "awaiting_first_attendance"
  | "basis_assessment"
  | "extended_assessment"
  | "treatment"
  | "awaiting_closure"
  | "closed";

export const PHASE_LABELS: Record<Phase, string> = {
  awaiting_start: "Venter på start",
  awaiting_first_attendance: "Venter på første frammøte",
  basis_assessment: "Basisutredning",
  extended_assessment: "Utvidet utredning",
  treatment: "Behandling",
  awaiting_closure: "Videre oppfølging andre steder – venter på avslutning",
  closed: "Avsluttet",
};

export type DeadlineKind =
  | "referral_assessment"
  | "first_attendance"
  | "care_start"
  | "basis_assessment"
  | "extended_assessment"
  | "first_evaluation"
  | "evaluation";

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  referral_assessment: "Vurdering av henvisning",
  first_attendance: "Første frammøte",
  care_start: "Juridisk frist",
  basis_assessment: "Basisutredning",
  extended_assessment: "Utvidet utredning",
  first_evaluation: "Første evaluering",
  evaluation: "Evaluering",
};

export type NoticeId =
  | "MISSING_START"
  | "FIRST_NOT_START"
  | "NOT_IN_FORCE"
  | "C_WITHOUT_M"
  | "E_WITHOUT_C"
  | "F_WITHOUT_C"
  | "M_AFTER_C"
  | "INVALID_CODE"
  | "MISSING_OUTCOME"
  | "TOO_MANY_C"
  | "EVENT_AFTER_END"
  | "FUTURE_DATE"
  | "CONCURRENT";

export const NOTICE_MESSAGES: Record<NoticeId, string> = {
  MISSING_START: "Ikke med i beregning. Forløpet mangler kode for start pakkeforløp",
  FIRST_NOT_START: "Ikke med i beregning. Første kode er forskjellig fra start pakkeforløp",
  NOT_IN_FORCE: "Ikke med i beregning. Pakkeforløpet er ikke innført",
  C_WITHOUT_M: "Kode C (klinisk beslutning) mangler forutgående kode M (første frammøte)",
  E_WITHOUT_C: "Kode E (evalueringspunkt) mangler forutgående hendelse C (klinisk beslutning)",
  F_WITHOUT_C: "Kode F (tilbakemelding til henviser sendt) mangler forutgående hendelse C (klinisk beslutning)",
  M_AFTER_C: "Kode M (første frammøte) har forutgående prosedyrekode C (klinisk beslutning)",
  INVALID_CODE: "Ugyldig kode for PK psykisk helse og rus",
  MISSING_OUTCOME: "Hendelsen mangler utfall (for utført aktivitet: aktiviteten) og telles som ugyldig",
  TOO_MANY_C: "Mer enn to kliniske beslutninger i samme forløp",
  EVENT_AFTER_END: "Hendelsen er datert etter avslutning av pakkeforløpet",
  FUTURE_DATE: "Hendelsen er datert frem i tid",
  CONCURRENT: "Pasienten har et annet åpent forløp av samme type (NPR leser dem som ett forløp)",
};
