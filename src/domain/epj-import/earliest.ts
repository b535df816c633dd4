import type { IsoDate } from "@/lib/dates";

// The dates a pathway takes from its rows (referral_received, care_deadline) when the rows disagree:
// the earliest counts, so neither the check CLI nor the import depends on row order (domain.md,
// "Decided readings"). For care_deadline, the juridisk frist, the earliest is also the strictest for
// the clinic and the safest for the patient's right.

/** The earlier of a pathway's date so far and a row's value; an empty value changes nothing. */
export function earliest(current: IsoDate | null | undefined, value: IsoDate | null | undefined): IsoDate | null {
  if (!value) return current ?? null;
  return current && current <= value ? current : value;
}
