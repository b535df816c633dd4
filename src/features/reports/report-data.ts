import { INDICATOR_KINDS } from "@/domain/rules";
import { LATE_BUCKETS } from "@/domain/reports/labels";
import type { CodingLag, IndicatorKind, Share } from "@/server/reports/queries";

// What the report page sends its client view: numbers, not markup. As server
// components each table went twice, as HTML and as its element tree in the
// React payload Next.js inlines for hydration (class names and link props on
// every cell). A share travels as a short array; the view unpacks it.

/** numerator, denominator, patient, service, then the late buckets in LATE_BUCKETS order */
export type PackedShare = number[];
export type PackedKinds = PackedShare[]; // in INDICATOR_KINDS order

export const packShare = (s: Share): PackedShare => [s.numerator, s.denominator, s.patient, s.service, ...LATE_BUCKETS.map((b) => s.late[b])];

export function unpackShare(p: PackedShare): Share {
  const [numerator, denominator, patient, service, ...late] = p;
  return {
    numerator, denominator, patient, service,
    share: denominator ? numerator / denominator : null,
    late: Object.fromEntries(LATE_BUCKETS.map((b, i) => [b, late[i]])) as Share["late"],
  };
}

export const packKinds = (byKind: Record<IndicatorKind, Share>): PackedKinds => INDICATOR_KINDS.map((k) => packShare(byKind[k]));

export function unpackKinds(p: PackedKinds): Record<IndicatorKind, Share> {
  return Object.fromEntries(INDICATOR_KINDS.map((k, i) => [k, unpackShare(p[i])])) as Record<IndicatorKind, Share>;
}

/** numerator and denominator of a share without causes (feedback, involvement) */
export type Fraction = [number, number];
export const fraction = (s: { numerator: number; denominator: number }): Fraction => [s.numerator, s.denominator];

export interface ClinicianCompliance {
  id: string | null;
  name: string;
  byKind: PackedKinds;
}

export type ClinicianLag = Pick<CodingLag, "id" | "name" | "events" | "median" | "late" | "lateShare">;

export interface ClinicianQuality {
  id: string;
  name: string;
  events: number;
  notices: number;
  per100: number | null;
}

/** One per-clinician table's rows: the first few (or one page of them) and how many there are in all. */
export interface RowsOf<T> {
  rows: T[];
  total: number;
  /** at most this many rows are shown (the markup says so: tests/e2e/reports-weight.spec.ts projects from it) */
  limit?: number;
}

/** A drill-down's address: the report's filters (`base`, as reportSearchParams writes them) and the number's own query. */
export function drillHref(base: string, extra: Record<string, string | undefined>): string {
  const params = new URLSearchParams(base);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return `/rapporter/forlop?${params}`;
}

/** The per-clinician tables, by the name their CSV has too (`tabell`). */
export const CLINICIAN_TABLES = ["ansvarlige", "kodeforsinkelse", "behandlere"] as const;
export type ClinicianTable = (typeof CLINICIAN_TABLES)[number];

/** Everything the report page's tables and chart show, as numbers (ReportsPage packs, ReportView shows). */
export interface ReportData {
  /** the filters as reportSearchParams writes them: each CSV and drill-down link adds its own query */
  base: string;
  previousLabel: string;
  total: PackedKinds;
  previous: PackedKinds;
  feedback: Fraction;
  involvement: Fraction[]; // in INVOLVEMENT_INDICATORS order
  units: { id: string; name: string; kinds: PackedKinds; feedback: Fraction }[];
  clinicians: RowsOf<ClinicianCompliance>;
  trend: { month: string; kinds: PackedKinds }[];
  lagUnits: ClinicianLag[];
  lagClinicians: RowsOf<ClinicianLag>;
  quality: {
    events: number;
    notices: number;
    explained: number;
    per100: number | null;
    /** the notice's id (for its drill-down), its Norwegian text, how many, how many explained */
    byNotice: [string, string, number, number][];
    clinicians: RowsOf<ClinicianQuality>;
  };
}
