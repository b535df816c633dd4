// The distinct contents (date, code, outcome) of an extract's events, each
// kept once with the key its events are ordered by. A national extract has
// half a million rows but a few tens of thousands of contents: a row is read
// as the number of its content, found by two or three map lookups, where
// keeping its date, code and outcome each once and building their key when
// evaluating took six (a second of the check CLI's time, issue 19).

export interface EventContent {
  date: string;
  code: string;
  outcome: string | null;
  /** the order among same-day events of a letter (sameDayKey), one flat string */
  key: string;
}

interface ByOutcome {
  /** the content without an outcome (-1: none yet) */
  plain: number;
  byOutcome: Map<string, number> | null;
}

const contents: EventContent[] = [];
const byDate = new Map<string, Map<string, ByOutcome>>();

/** The number of the content (date, code, outcome): an empty outcome is none. */
export function contentNumber(date: string, code: string, outcome: string): number {
  let byCode = byDate.get(date);
  if (byCode === undefined) byDate.set(date, (byCode = new Map()));
  let entry = byCode.get(code);
  if (entry === undefined) byCode.set(code, (entry = { plain: -1, byOutcome: null }));
  if (!outcome) {
    if (entry.plain < 0) entry.plain = add(date, code, null);
    return entry.plain;
  }
  entry.byOutcome ??= new Map();
  let n = entry.byOutcome.get(outcome);
  if (n === undefined) entry.byOutcome.set(outcome, (n = add(date, code, outcome)));
  return n;
}

export function contentOf(n: number): EventContent {
  return contents[n];
}

function add(date: string, code: string, outcome: string | null): number {
  // the first row's texts, which are also the maps' keys: every later row's are dropped with the row
  contents.push({ date, code, outcome, key: flat(sameDayKey(date, code, outcome)) });
  return contents.length - 1;
}

/**
 * The content an event is ordered by among same-day events of its letter: date, letter, outcome, in
 * either form of the code ("D11CP" and "C" + "P" give one key), as the import orders the events it
 * records at one time (epj-import/plan.ts contentKey), so both give one verdict on one file.
 */
function sameDayKey(date: string, code: string, outcome: string | null): string {
  const rest = code.toUpperCase().replace(/^D\d\d/, "");
  return `${date}|${rest.slice(0, 1)}|${rest.slice(1) || (outcome ?? "").toUpperCase()}`;
}

/** A built string as one piece (V8 keeps a concatenation as a tree of its parts until read through). */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
