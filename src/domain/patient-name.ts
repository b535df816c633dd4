// When a typed patient name counts as the registered one: the link step of a
// new pathway attaches an existing patient silently only when the names match
// (src/server/patients/link.ts). Case, surrounding and repeated whitespace and
// Unicode composition (a precomposed "å" vs "a" + ring) are ignored: they are
// how the same name is typed differently. Letters and diacritics count ("Ås"
// is not "As", "José" is not "Jose"): folding them would show a unit a
// spelling it did not type, and a real mismatch goes to the coordinator.

function normalisePatientName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/gu, " ").toLocaleLowerCase("nb-NO");
}

export function samePatientName(a: string, b: string): boolean {
  return normalisePatientName(a) === normalisePatientName(b);
}

/**
 * A person's name (a patient's, a referrer's) as every door takes it: the
 * forms and the API (patients/schema.ts, referrals/schema.ts) and the EPJ
 * import's rows, 2–200 characters after trimming.
 */
export const PERSON_NAME_MIN_LENGTH = 2;
export const PERSON_NAME_MAX_LENGTH = 200;

/** Why a (trimmed) name is refused, in Norwegian after the column's name, or null. */
export function personNameLengthProblem(name: string): string | null {
  const length = name.length; // UTF-16 units, as zod's .min/.max count them
  if (length < PERSON_NAME_MIN_LENGTH) return `er for kort (minst ${PERSON_NAME_MIN_LENGTH} tegn: skriv hele navnet)`;
  if (length > PERSON_NAME_MAX_LENGTH) return `er for langt (${length} tegn, høyst ${PERSON_NAME_MAX_LENGTH})`;
  return null;
}
