// Norwegian national identity numbers: fødselsnummer, D-nummer and H-nummer.
// Format DDMMYY + individnummer (3) + two mod-11 check digits (K1, K2).
// D-nummer: day + 40. H-nummer (hjelpenummer, given by a hospital to a patient
// who has neither): month + 40. Synthetic test ids (Skatteetaten/Tenor: month +
// 80) are accepted only when the caller allows them (demo and test data).
// A birth date after `today` is invalid: "today" is a parameter (no clock here).
// Compared with two public validators on 300 000 numbers, with the deliberate
// differences listed in tests/unit/national-id-validators.test.ts.

import type { IsoDate } from "@/lib/dates";

export type NationalIdKind = "fodselsnummer" | "d-nummer" | "h-nummer" | "syntetisk";

/** How a kind is shown to users. */
export const NATIONAL_ID_KIND_LABELS: Record<NationalIdKind, string> = {
  fodselsnummer: "Fødselsnummer",
  "d-nummer": "D-nummer",
  "h-nummer": "H-nummer (hjelpenummer)",
  syntetisk: "Syntetisk testnummer",
};

export interface NationalIdOptions {
  /** the Oslo date of today: a birth date after it is invalid */
  today: IsoDate;
  allowSynthetic?: boolean;
}

export type NationalIdResult =
  | { ok: true; value: string; kind: NationalIdKind; synthetic: boolean; birthDate: string }
  | { ok: false; error: NationalIdError; message: string };

export type NationalIdError = "empty" | "format" | "checksum" | "date" | "future";

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

const MESSAGES: Record<NationalIdError, string> = {
  empty: "Fødselsnummer mangler.",
  format: "Fødselsnummer må bestå av nøyaktig 11 siffer.",
  checksum: "Fødselsnummeret er ugyldig: kontrollsifrene stemmer ikke.",
  date: "Fødselsnummeret er ugyldig: de seks første sifrene er ikke en gyldig fødselsdato.",
  future: "Fødselsnummeret er ugyldig: fødselsdatoen er etter dagens dato.",
};

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i], 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null; // no valid check digit exists for this prefix
  return k;
}

/** Computes both check digits for the first nine digits, or null if none exists. */
export function checkDigitsFor(firstNine: string): string | null {
  const digits = [...firstNine].map(Number);
  const k1 = checkDigit(digits, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = checkDigit([...digits, k1], K2_WEIGHTS);
  if (k2 === null) return null;
  return `${k1}${k2}`;
}

/** Century from individnummer and two-digit year (Folkeregisteret's rules); null for a combination never issued. */
export function fullYear(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

export function parseNationalId(input: string, options: NationalIdOptions): NationalIdResult {
  const value = (input ?? "").replace(/[\s.-]/g, "");
  if (value === "") return fail("empty");
  if (!/^\d{11}$/.test(value)) return fail("format");
  const digits = [...value].map(Number);
  if (checkDigitsFor(value.slice(0, 9)) !== value.slice(9)) return fail("checksum");

  let day = digits[0] * 10 + digits[1];
  let month = digits[2] * 10 + digits[3];
  const yy = digits[4] * 10 + digits[5];
  const individual = digits[6] * 100 + digits[7] * 10 + digits[8];

  let kind: NationalIdKind = "fodselsnummer";
  if (day > 40) {
    kind = "d-nummer";
    day -= 40;
  }
  let synthetic = false;
  if (month > 80 && options.allowSynthetic) {
    synthetic = true;
    month -= 80;
  } else if (month > 40 && kind === "fodselsnummer") {
    // a D-nummer with month + 40 is neither: a hospital gives an H-nummer only to one who has none
    kind = "h-nummer";
    month -= 40;
  }
  const year = fullYear(yy, individual);
  if (year === null || !isRealDate(year, month, day)) return fail("date");
  const birthDate = `${year}-${pad(month)}-${pad(day)}`;
  if (birthDate > options.today) return fail("future");
  return { ok: true, value, kind: synthetic ? "syntetisk" : kind, synthetic, birthDate };
}

/** The kind of a stored (already validated) id, read from its digits alone: for labels where it is shown. */
export function nationalIdKindOf(value: string): NationalIdKind {
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  if (month > 80) return "syntetisk";
  if (day > 40) return "d-nummer";
  return month > 40 ? "h-nummer" : "fodselsnummer";
}

/** Shown in lists: the first four digits and the check digits; birth year and
 * individnummer hidden, so users can match a patient without seeing the whole id. */
export function maskNationalId(value: string): string {
  if (value.length !== 11) return "***********";
  return `${value.slice(0, 4)}** ***${value.slice(9)}`;
}

function fail(error: NationalIdError): NationalIdResult {
  return { ok: false, error, message: MESSAGES[error] };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Builds a valid id for a birth date (YYYY-MM-DD), for demo and generated data.
 * `synthetic` adds 80 to the month, as Skatteetaten's test ids do, so demo data
 * never collides with a real person; `dNumber` adds 40 to the day, `hNumber` 40
 * to the month. Tries individnummer from `seed` upwards
 * within the century's range until valid check digits exist.
 */
export function makeNationalId(birthDate: string, seed: number, opts: { synthetic?: boolean; dNumber?: boolean; hNumber?: boolean } = {}): string {
  const [y, m, d] = birthDate.split("-").map(Number);
  const yy = y % 100;
  const [lo, hi] = y < 1900 ? [500, 749] : y < 2000 ? [0, 499] : [500, 999];
  const span = hi - lo + 1;
  const day = d + (opts.dNumber ? 40 : 0);
  const month = m + (opts.synthetic ? 80 : opts.hNumber ? 40 : 0);
  for (let i = 0; i < span; i++) {
    const individual = lo + ((seed + i) % span);
    const firstNine = `${pad(day)}${pad(month)}${pad(yy)}${String(individual).padStart(3, "0")}`;
    const check = checkDigitsFor(firstNine);
    if (check !== null) return firstNine + check;
  }
  throw new Error(`No valid national id for ${birthDate}`);
}
