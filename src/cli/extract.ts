import { earliest } from "@/domain/epj-import/earliest";
import { rowProblems } from "@/domain/epj-import/row";
import { concurrentNotices, evaluatePathway, type EventInput, type Notice, type PathwayEvaluation, type PathwayInput, type PathwayType, type Setting } from "@/domain/rules";
import { EpjCsvFileError, readEpjCsvBatches, readEpjCsvText, type EpjRecord } from "@/lib/epj-csv";
import type { ByteReport } from "./byte-report";
import { contentNumber, contentOf } from "./event-contents";

// Reads an extract from the patient record system (one coded event per row)
// into pathways, and evaluates them with the rules engine. The CSV itself is
// read by the shared EPJ reader (src/lib/epj-csv), as the import reads it.

export interface RowError {
  line: number;
  message: string;
}

export interface CheckedPathway {
  patientId: string;
  evaluation: PathwayEvaluation;
}

/**
 * A pathway of the extract. Its events are kept as two numbers each (the
 * number of their content, their line) and made when read: half a million
 * event objects, made as the rows came, outlived the young generation and cost
 * the garbage collector seconds.
 */
class ExtractPathway implements PathwayInput {
  referralReceived: string | null = null;
  careDeadline?: string;
  readonly cells: number[] = [];

  constructor(
    /** the line of its first row: the pathways' order (the order of the map before, in one thread) */
    readonly first: number,
    readonly id: string,
    readonly patientId: string,
    readonly type: PathwayType,
    readonly setting: Setting,
  ) {}

  get events(): EventInput[] {
    const events: EventInput[] = [];
    const cells = this.cells;
    for (let i = 0; i < cells.length; i += 2) {
      const { date, code, outcome, key } = contentOf(cells[i]);
      events.push({ id: eventId(key, cells[i + 1]), code, outcome, date, recordedAt: null });
    }
    return events;
  }
}

export interface Extract {
  pathways: Map<string, ExtractPathway>;
  errors: RowError[];
}

/** Reads an extract held in memory. */
export function readExtract(text: string): Extract {
  const extract: Extract = { pathways: new Map(), errors: [] };
  try {
    for (const record of readEpjCsvText(text)) addRecord(extract, record);
  } catch (error) {
    if (!(error instanceof EpjCsvFileError)) throw error;
    return { pathways: new Map(), errors: error.problems };
  }
  return extract;
}

/**
 * Streams an extract from a file. Throws EpjCsvFileError when the file cannot be read.
 * A worker thread's share of the file (check-workers.ts): `share` the pathway ids it takes (see
 * readEpjCsvBatches), `widthProblems` whether it takes the rows of another width than the header's.
 */
export async function readExtractFile(path: string, share?: (pathwayId: string) => boolean, widthProblems = true): Promise<Extract> {
  const extract: Extract = { pathways: new Map(), errors: [] };
  for await (const batch of readEpjCsvBatches(path, undefined, share)) {
    for (const record of batch) if (widthProblems || record.problem === undefined || record.column !== undefined) addRecord(extract, record);
  }
  return extract;
}

function addRecord({ pathways, errors }: Extract, record: EpjRecord): void {
  if (record.problem !== undefined) {
    errors.push({ line: record.line, message: record.problem });
    return;
  }
  const { row, line } = record;
  const { problems, type: typeText, setting: settingText } = rowProblems(row);
  if (problems.length) {
    errors.push({ line, message: `${problems.map((p) => p.message).join("; ")}.` });
    return;
  }
  const { pathway_id: id, date, code, referral_received: received, care_deadline: careDeadline } = row;
  let pathway = pathways.get(id);
  // a pathway's type, setting and patient are one: rows that disagree are an error in any order
  const disagreement = pathway ? disagreementOf(pathway, typeText, settingText, row.patient_id) : null;
  if (disagreement) {
    errors.push({ line, message: `${disagreement}.` });
    return;
  }
  if (!pathway) {
    pathway = new ExtractPathway(line, id, row.patient_id, typeText as PathwayType, settingText as Setting);
    pathways.set(id, pathway);
  }
  // rows that disagree: the earliest referral date and the earliest legal deadline count, whatever the row order
  pathway.referralReceived = earliest(pathway.referralReceived, received);
  // set only from a value: a file without the column prints what it printed before the column existed
  if (careDeadline) pathway.careDeadline = earliest(pathway.careDeadline, careDeadline) ?? undefined;
  // No recorded time in an extract: same-day events of one letter are ordered by their content (the id
  // starts with it), never by their line, so the result does not depend on row order.
  // (within one pathway: the pathway's id is not part of the event's). Repeated contents are kept once
  // (a national extract has tens of thousands of them, and half a million rows).
  pathway.cells.push(contentNumber(date, code, row.outcome), line);
}

/** The content key and the line (9 digits, so that the text order is the line order). */
function eventId(key: string, line: number): string {
  // one concatenation of two flat strings, not a tree of three
  return key + `|${String(line).padStart(9, "0")}`;
}

function disagreementOf(pathway: ExtractPathway, type: string, setting: string, patientId: string): string | null {
  if (pathway.type !== type) return `type «${type}» avviker fra forløpets andre rader («${pathway.type}»)`;
  if (pathway.setting !== setting) return `setting «${setting}» avviker fra forløpets andre rader («${pathway.setting}»)`;
  if (pathway.patientId !== patientId) return `patient_id «${patientId}» avviker fra forløpets andre rader («${pathway.patientId}»)`;
  return null;
}

export function checkExtract(pathways: Map<string, ExtractPathway>, today: string): CheckedPathway[] {
  const checked = [...pathways.values()].map((p) => ({ patientId: p.patientId, evaluation: evaluatePathway(p, today) }));
  const concurrent = concurrentNotices(
    checked
      .filter((c) => c.patientId)
      .map((c) => ({
        id: c.evaluation.pathwayId,
        patientId: c.patientId,
        type: c.evaluation.type,
        openedOn: c.evaluation.startedOn ?? c.evaluation.eventDates[0] ?? today,
        closedOn: c.evaluation.closedOn,
      })),
  );
  for (const c of checked) c.evaluation.notices.push(...(concurrent.get(c.evaluation.pathwayId) ?? []));
  return checked;
}

/**
 * checkExtract and sortByUrgency for a national extract: each pathway is
 * rendered (`render`, into `report`) as soon as it is evaluated and only its
 * sort key is kept, not its evaluation; the few pathways that get a
 * concurrency notice are evaluated again and rendered anew. The report's
 * parts, most urgent first.
 */
export function checkAndRender(pathways: Map<string, ExtractPathway>, today: string, report: ByteReport, render: Render): number[] {
  const { keys, spans } = evaluateAndRender(pathways, today, report, render);
  renderConcurrent(pathways, concurrentNotices(spans), today, report, render, keys);
  // the keys sorted themselves (stable, in the pathways' order, as before), each carrying its part's number
  return keys.sort(compareKeys).map((k) => k.part);
}

export type Render = (checked: CheckedPathway, report: ByteReport) => void;
export type Span = Parameters<typeof concurrentNotices>[0][number] & { first: number };

/** Each pathway evaluated and rendered as its part of `report` (in the map's order): their sort keys, and the spans concurrentNotices reads. */
export function evaluateAndRender(pathways: Map<string, ExtractPathway>, today: string, report: ByteReport, render: Render): { keys: UrgencyKey[]; spans: Span[] } {
  const keys: UrgencyKey[] = [];
  const spans: Span[] = [];
  for (const p of pathways.values()) {
    const checked = { patientId: p.patientId, evaluation: evaluatePathway(p, today) };
    const e = checked.evaluation;
    if (p.patientId) spans.push({ id: e.pathwayId, patientId: p.patientId, type: e.type, openedOn: e.startedOn ?? e.eventDates[0] ?? today, closedOn: e.closedOn, first: p.first });
    render(checked, report);
    const part = report.endPart();
    keys[part] = urgencyKey(checked, part, p.first);
  }
  return { keys, spans };
}

/** The pathways given concurrency notices evaluated again, with them, and rendered anew (their parts and keys replaced): the keys replaced. */
export function renderConcurrent(pathways: Map<string, ExtractPathway>, concurrent: Map<string, Notice[]>, today: string, report: ByteReport, render: Render, keys: UrgencyKey[]): UrgencyKey[] {
  const replaced: UrgencyKey[] = [];
  let n = 0;
  for (const p of concurrent.size ? pathways.values() : []) {
    const notices = concurrent.get(p.id);
    if (notices?.length) {
      const checked = { patientId: p.patientId, evaluation: evaluatePathway(p, today) };
      checked.evaluation.notices.push(...notices);
      render(checked, report);
      replaced.push((keys[report.endPart(n)] = urgencyKey(checked, n, p.first)));
    }
    n++;
  }
  return replaced;
}

/** Most urgent first: largest days late, then nearest due date, then notices. */
export function byUrgency(a: CheckedPathway, b: CheckedPathway): number {
  return compareKeys(urgencyKey(a), urgencyKey(b));
}

/** The same order, each pathway's key computed once (100 000 pathways: the comparator's work was a second). */
export function sortByUrgency(checked: CheckedPathway[]): CheckedPathway[] {
  const keyed = checked.map((c) => ({ c, key: urgencyKey(c) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((k) => k.c);
}

export interface UrgencyKey {
  late: number;
  due: string;
  notices: number;
  id: string;
  /** the pathway's part of the report (checkAndRender) */
  part: number;
  /** the line of the pathway's first row */
  first: number;
}

function urgencyKey({ evaluation: e }: CheckedPathway, part = 0, first = 0): UrgencyKey {
  let late = 0;
  for (const d of e.deadlines) if (d.met === false && d.completedOn === null && d.daysLate > late) late = d.daysLate;
  return { late, due: e.nextDeadline?.due ?? "9999-12-31", notices: e.notices.length, id: e.pathwayId, part, first };
}

export function compareKeys(a: UrgencyKey, b: UrgencyKey): number {
  return b.late - a.late || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || b.notices - a.notices || a.id.localeCompare(b.id);
}
