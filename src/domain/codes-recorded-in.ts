// One record of each code (issue 19): per unit, either the patient record
// system (EPJ) or Forløpsvakt holds the pathway codes, never both. The names
// the pathway page and the administration show for each choice.

export const CODES_RECORDED_IN = ["EPJ", "FORLOPSVAKT"] as const;
export type CodesRecordedIn = (typeof CODES_RECORDED_IN)[number];

export const CODES_RECORDED_IN_LABELS: Record<CodesRecordedIn, string> = {
  EPJ: "Kodes i pasientjournalen",
  FORLOPSVAKT: "Kodes i Forløpsvakt",
};
