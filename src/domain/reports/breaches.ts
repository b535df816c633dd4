/** Fristbrudd: the legal deadlines decided in the period that were not met, and their share of those. */
export function breaches(s: { numerator: number; denominator: number }): { count: number; share: number | null } {
  const count = s.denominator - s.numerator;
  return { count, share: s.denominator ? count / s.denominator : null };
}
