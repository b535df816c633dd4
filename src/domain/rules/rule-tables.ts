import type { IsoDate } from "@/lib/dates";
import { EVENT_DEFINITIONS, type CodeBook, type EventDefinition, type EventLetter, type OutcomeList } from "./codes";
import { DURATION_TABLES, type DurationRow } from "./durations";

// The rule tables as data: the rules engine reads them from a parameter, so
// the server can hand it the versions stored in the database (an
// administrator adds a version, never edits one) while the engine stays pure.
// DEFAULT_RULE_TABLES holds the built-in values (the migration seeds the same
// rows; `npm run check` and tests use them directly).
//
// Which version applies:
// - durations: the row in force on the pathway's start date (domain.md:
//   "a pathway is judged by the definition in force on its start date");
// - event letters and outcome lists: the version in force on the event's
//   clinical date (a code is judged by the code list of the day it was given);
// - worklist thresholds (domain.md is silent): the version in force on the
//   date the item's period starts (the decision for "feedback missing", the
//   start for "no first attendance", the last event for "inactive").
// Before a table's first version, its first version applies. Two versions
// with the same effective date: the one recorded later wins (a correction).

/** The worklist's local thresholds (not national norms), in calendar days. */
export interface WorklistThresholds {
  /** tilbakemelding til henviser (F) is expected within this many days of a C */
  feedbackDays: number;
  /** a C with outcome S, K, A or I should lead to avslutning within this many days */
  closeAfterDecisionDays: number;
  /** a started pathway without første frammøte (M), where no national norm exists */
  firstAttendanceGraceDays: number;
  /** an open pathway without any event for this long is "inactive" */
  inactivityDays: number;
}

export const OUTCOME_LIST_LETTERS = ["H", "S", "U", "X"] as const;
export type OutcomeListLetter = (typeof OUTCOME_LIST_LETTERS)[number];

/** One version of a table row: in force from `effectiveFrom`, versions in recorded order. */
export interface RuleVersion<V> {
  effectiveFrom: IsoDate;
  confirmed: boolean;
  value: V;
}

export interface RuleTables {
  /** recorded order; see durationsInForce */
  durations: readonly DurationRow[];
  /** the label of each event letter and whether the letter is officially confirmed */
  eventLetters: Readonly<Record<EventLetter, readonly RuleVersion<{ label: string }>[]>>;
  /** the outcome lists of H, S, U and X (values null: any 1–3 letters or digits) */
  outcomeLists: Readonly<Record<OutcomeListLetter, readonly RuleVersion<Pick<OutcomeList, "values" | "suggestions">>[]>>;
  worklist: readonly RuleVersion<WorklistThresholds>[];
}

/** The date the built-in code tables and worklist thresholds are in force from (the first pathway types). */
export const BUILT_IN_FROM: IsoDate = "2019-01-01";

export const DEFAULT_WORKLIST_THRESHOLDS: WorklistThresholds = {
  feedbackDays: 14,
  closeAfterDecisionDays: 14,
  firstAttendanceGraceDays: 28,
  inactivityDays: 60,
};

const definitions = EVENT_DEFINITIONS as Record<EventLetter, EventDefinition>;

export const DEFAULT_RULE_TABLES: RuleTables = {
  durations: DURATION_TABLES,
  eventLetters: Object.fromEntries(
    Object.entries(definitions).map(([letter, d]) => [letter, [{ effectiveFrom: BUILT_IN_FROM, confirmed: d.confirmed, value: { label: d.label } }]]),
  ) as unknown as RuleTables["eventLetters"],
  outcomeLists: Object.fromEntries(
    OUTCOME_LIST_LETTERS.map((letter) => {
      const list = definitions[letter].outcomes as OutcomeList;
      const value = list.suggestions ? { values: list.values, suggestions: list.suggestions.map(({ code, label }) => ({ code, label })) } : { values: list.values };
      return [letter, [{ effectiveFrom: BUILT_IN_FROM, confirmed: list.confirmed, value }]];
    }),
  ) as unknown as RuleTables["outcomeLists"],
  worklist: [{ effectiveFrom: BUILT_IN_FROM, confirmed: false, value: DEFAULT_WORKLIST_THRESHOLDS }],
};

/** The version in force on `on`: the latest effectiveFrom ≤ on (the later recorded on a tie); the first before any. */
export function versionInForce<T extends { effectiveFrom: IsoDate }>(versions: readonly T[], on: IsoDate): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > on) continue;
    if (!best || v.effectiveFrom >= best.effectiveFrom) best = v;
  }
  if (best) return best;
  let first: T | null = null;
  for (const v of versions) if (!first || v.effectiveFrom < first.effectiveFrom) first = v;
  return first;
}

/** The worklist thresholds in force on `on`. */
export function worklistThresholdsOn(tables: RuleTables, on: IsoDate): WorklistThresholds {
  return versionInForce(tables.worklist, on)?.value ?? DEFAULT_WORKLIST_THRESHOLDS;
}

/** The built-in definitions (EVENT_DEFINITIONS). */
export const DEFAULT_CODE_BOOK: CodeBook = definitions;

// The code books of one tables object: one per span between the dates a
// letter or list changes, built once, so parse results stay cached per book.
interface CodeBooks {
  /** ascending change dates; books[i] holds from dates[i-1] (books[0]: before dates[0]) */
  dates: IsoDate[];
  books: CodeBook[];
}
const codeBooksByTables = new WeakMap<RuleTables, CodeBooks>();

function buildBook(tables: RuleTables, on: IsoDate): CodeBook {
  const book = {} as Record<EventLetter, EventDefinition>;
  for (const letter of Object.keys(definitions) as EventLetter[]) {
    const base = definitions[letter];
    const version = versionInForce(tables.eventLetters[letter] ?? [], on);
    let outcomes = base.outcomes;
    if ((OUTCOME_LIST_LETTERS as readonly string[]).includes(letter)) {
      const list = versionInForce(tables.outcomeLists[letter as OutcomeListLetter] ?? [], on);
      if (list) outcomes = { confirmed: list.confirmed, values: list.value.values, ...(list.value.suggestions ? { suggestions: list.value.suggestions } : {}) };
    }
    book[letter] = { ...base, label: version?.value.label ?? base.label, confirmed: version?.confirmed ?? base.confirmed, outcomes };
  }
  return book;
}

function codeBooksOf(tables: RuleTables): CodeBooks {
  let books = codeBooksByTables.get(tables);
  if (books) return books;
  const changes = new Set<IsoDate>();
  for (const versions of Object.values(tables.eventLetters)) for (const v of versions) changes.add(v.effectiveFrom);
  for (const versions of Object.values(tables.outcomeLists)) for (const v of versions) changes.add(v.effectiveFrom);
  const dates = [...changes].sort();
  // before the first change the first versions apply: the same book as on the first date
  const spans = dates.length === 0 ? [] : dates.map((d) => buildBook(tables, d));
  books = { dates, books: spans.length ? [spans[0], ...spans] : [DEFAULT_CODE_BOOK] };
  // the built-in tables give the built-in definitions themselves (shared parse cache)
  if (tables === DEFAULT_RULE_TABLES) books = { dates: [], books: [DEFAULT_CODE_BOOK] };
  codeBooksByTables.set(tables, books);
  return books;
}

/** The event definitions in force on `on` (an event's clinical date). */
export function codeBookOn(tables: RuleTables, on: IsoDate): CodeBook {
  if (tables === DEFAULT_RULE_TABLES) return DEFAULT_CODE_BOOK;
  const { dates, books } = codeBooksOf(tables);
  let i = 0;
  while (i < dates.length && dates[i] <= on) i++;
  return books[i];
}
