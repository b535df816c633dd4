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
