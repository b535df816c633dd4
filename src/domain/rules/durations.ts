import type { PathwayType } from "./codes";

// Recommended durations (forløpstider) in calendar days, per pathway type,
// setting and effective-from date; a pathway is judged by the row in force on
// its start date. `unconfirmed` lists the values that are our best reading
// (domain.md) and must be shown as such. Missing kinds: no such deadline.

export type Setting = "poliklinikk" | "dogn";

export interface DurationSet {
  /** referral received → first attendance M (D06, D07, D08) */
  firstAttendance?: number;
  /** D08: severe cases */
  firstAttendanceSevere?: number;
  basisAssessment?: number;
  extendedAssessment?: number;
  firstEvaluation?: number;
  evaluation?: number;
}

export interface DurationRow {
  type: PathwayType;
  setting: Setting;
  effectiveFrom: string;
  durations: DurationSet;
  unconfirmed: (keyof DurationSet)[];
  note?: string;
}

/** Referral received → assessed (start): pasient- og brukerrettighetsloven § 2-2. */
export const REFERRAL_ASSESSMENT_WORKING_DAYS = 10;

const adultAndChild = (type: PathwayType, effectiveFrom: string, note?: string): DurationRow[] => [
  { type, setting: "poliklinikk", effectiveFrom, durations: { basisAssessment: 42, extendedAssessment: 42, firstEvaluation: 84, evaluation: 84 }, unconfirmed: [], note },
  {
    type,
    setting: "dogn",
    effectiveFrom,
    durations: { basisAssessment: 42, extendedAssessment: 42, firstEvaluation: 84, evaluation: 84 },
    unconfirmed: ["basisAssessment", "extendedAssessment", "firstEvaluation", "evaluation"],
    note,
  },
];

/** The built-in durations (the migration seeds the same rows). */
export const DURATION_TABLES: readonly DurationRow[] = [
  ...adultAndChild("D11", "2019-01-01"),
  ...adultAndChild("D12", "2019-01-01"),
  // ADHD/nevroutvikling chapter: outcome N enters extended assessment with the same durations.
  ...adultAndChild("D12", "2022-03-01", "Kapittel om utredning av ADHD og andre nevroutviklingsforstyrrelser"),
  { type: "D01", setting: "poliklinikk", effectiveFrom: "2019-01-01", durations: { basisAssessment: 21, firstEvaluation: 7, evaluation: 56 }, unconfirmed: [] },
  { type: "D01", setting: "dogn", effectiveFrom: "2019-01-01", durations: { basisAssessment: 7, firstEvaluation: 7, evaluation: 42 }, unconfirmed: [] },
  { type: "D07", setting: "poliklinikk", effectiveFrom: "2019-02-15", durations: { firstAttendance: 42, basisAssessment: 56 }, unconfirmed: [] },
  { type: "D07", setting: "dogn", effectiveFrom: "2019-02-15", durations: { firstAttendance: 42, basisAssessment: 56 }, unconfirmed: [] },
  {
    type: "D08",
    setting: "poliklinikk",
    effectiveFrom: "2019-02-15",
    durations: { firstAttendance: 28, firstAttendanceSevere: 7, basisAssessment: 42, firstEvaluation: 28, evaluation: 42 },
    unconfirmed: [],
  },
  { type: "D08", setting: "dogn", effectiveFrom: "2019-02-15", durations: { basisAssessment: 14, firstEvaluation: 14, evaluation: 14 }, unconfirmed: [] },
  { type: "D09", setting: "poliklinikk", effectiveFrom: "2019-10-02", durations: { basisAssessment: 7, firstEvaluation: 14, evaluation: 42 }, unconfirmed: [] },
  { type: "D09", setting: "dogn", effectiveFrom: "2019-10-02", durations: { basisAssessment: 7, firstEvaluation: 7, evaluation: 42 }, unconfirmed: [] },
  { type: "D06", setting: "poliklinikk", effectiveFrom: "2019-02-15", durations: { firstAttendance: 7 }, unconfirmed: [], note: "Henvisning → første konsultasjon, helst innen 7 dager" },
  { type: "D06", setting: "dogn", effectiveFrom: "2019-02-15", durations: {}, unconfirmed: [] },
];

// The rows of each type and setting, in table order, per table: looked up for
// every evaluated pathway, so a table is not scanned each time.
type RowIndex = Map<string, Map<string, DurationRow[]>>;
const indexByTable = new WeakMap<readonly DurationRow[], RowIndex>();

function indexOf(table: readonly DurationRow[]): RowIndex {
  let index = indexByTable.get(table);
  if (index) return index;
  index = new Map();
  for (const row of table) {
    let bySetting = index.get(row.type);
    if (!bySetting) index.set(row.type, (bySetting = new Map()));
    const rows = bySetting.get(row.setting);
    if (rows) rows.push(row);
    else bySetting.set(row.setting, [row]);
  }
  indexByTable.set(table, index);
  return index;
}

/**
 * The row in force on `on` (the pathway's start date): the latest
 * effectiveFrom ≤ on; of two with the same date, the later in the table (a
 * version recorded later corrects the earlier one).
 */
export function durationsInForce(type: PathwayType, setting: Setting, on: string, table: readonly DurationRow[] = DURATION_TABLES): DurationRow | null {
  const rows = indexOf(table).get(type)?.get(setting);
  if (!rows) return null;
  let best: DurationRow | null = null;
  for (const row of rows) {
    if (row.effectiveFrom > on) continue;
    if (!best || row.effectiveFrom >= best.effectiveFrom) best = row;
  }
  // Before a type's first row (events before it was in force): judge by its earliest row.
  if (best) return best;
  for (const row of rows) if (!best || row.effectiveFrom < best.effectiveFrom) best = row;
  return best;
}
