// Text PostgreSQL cannot store or that no keyboard produces: a NUL character
// (text columns refuse it) and a lone UTF-16 surrogate (not a character at
// all; it cannot be encoded as UTF-8). Input carrying either is refused at the
// edge (server actions, API bodies, URL parameters) with a 4xx, never passed on.

const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** True when any string in the value (object keys included, at any depth) is unsafe. */
export function containsUnsafeText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !isSafeText(value);
  if (value === null || typeof value !== "object") return false;
  // deeper than any caller of ours sends: refused rather than left unchecked
  if (depth > 32) return true;
  if (Array.isArray(value)) return value.some((item) => containsUnsafeText(item, depth + 1));
  return Object.entries(value).some(([key, item]) => !isSafeText(key) || containsUnsafeText(item, depth + 1));
}

export const UNSAFE_TEXT_MESSAGE = "Teksten inneholder ugyldige tegn.";
