// The report's per-clinician tables show a few rows by default and the rest
// on their own page ("Vis alle"): a large unit has ~134 clinicians, and three
// tables of them made most of a 743 kB page. Which few: the clinicians with
// the most to act on (missed deadlines, late codings, notices), not the
// highest share of few (1 of 1 late is not the unit's biggest problem).

/** Rows of each per-clinician table on the report page; the rest behind "Vis alle". */
export const TOP_CLINICIANS = 10;

export interface Ranked {
  name: string;
  /** how many things went wrong (missed deadlines, late codings, notices) */
  problems: number;
  /** of how many */
  of: number;
}

/** Most problems first; ties by the higher share of problems, then by name (the given collator). */
export function worstFirst<T>(rows: readonly T[], rank: (row: T) => Ranked, compareNames: (a: string, b: string) => number): T[] {
  const share = (r: Ranked) => (r.of ? r.problems / r.of : 0);
  return rows
    .map((row) => ({ row, r: rank(row) }))
    .sort((a, b) => b.r.problems - a.r.problems || share(b.r) - share(a.r) || compareNames(a.r.name, b.r.name))
    .map(({ row }) => row);
}
