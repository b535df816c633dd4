import { createHash } from "node:crypto";
import type { DeadlineRow, DerivedRows, ItemRow, NoticeRow } from "./derive-write";

// What a batch rewrite must change: most derived rows are the same as the day
// before (a worklist row's due date does not move; a met deadline stays met),
// and writing a row costs far more than reading it. The stored rows are read
// with the batch, compared by content, and only the rows that differ are
// deleted and inserted; an unchanged row keeps its id. Pure (the stored rows
// are read by storedColumns in derive-load.ts).

// The columns each kind of row is compared on: all of them but the id.
export const ITEM_FIELDS = [
  "pathwayId", "unitId", "type", "setting", "responsibleClinicianId", "reason", "key",
  "dueOn", "sinceOn", "deadlineKind", "noticeId", "eventId", "outcome", "postponedUntil",
] as const satisfies readonly (keyof ItemRow)[];
export const DEADLINE_FIELDS = [
  "pathwayId", "unitId", "type", "kind", "fromDate", "due", "completedOn", "met", "daysLate", "cause", "decidedOn",
] as const satisfies readonly (keyof DeadlineRow)[];
export const NOTICE_FIELDS = [
  "pathwayId", "unitId", "type", "noticeId", "noticeKey", "date", "eventId", "recordedById",
] as const satisfies readonly (keyof NoticeRow)[];

/** A stored row: its id, then its values in the order of the table's FIELDS (dates as YYYY-MM-DD). */
export type StoredTuple = [id: string, ...values: unknown[]];
export interface StoredRows {
  storedItems: StoredTuple[];
  storedDeadlines: StoredTuple[];
  storedNotices: StoredTuple[];
}

// One string per row content. A PostgreSQL text value never holds NUL, so
// "\u0000" can stand for null and "\u0001" separate the values.
const keyOf = (values: unknown[]) => values.map((v) => (v === null || v === undefined ? "\u0000" : String(v))).join("\u0001");

/** Rows to delete (by id) and rows to insert so that the stored rows become `fresh` (as multisets). */
function changesOf<T>(fields: readonly (keyof T)[], stored: StoredTuple[], fresh: T[]): { gone: string[]; added: T[] } {
  const unmatched = new Map<string, string[]>();
  for (const [id, ...values] of stored) {
    const k = keyOf(values);
    const ids = unmatched.get(k);
    if (ids) ids.push(id);
    else unmatched.set(k, [id]);
  }
  const added = fresh.filter((row) => !unmatched.get(keyOf(fields.map((f) => row[f])))?.pop());
  return { gone: [...unmatched.values()].flat(), added };
}

export interface DerivedChanges {
  /** ids of stored rows no longer derived */
  gone: { items: string[]; deadlines: string[]; notices: string[] };
  /** rows derived that are not stored yet */
  added: DerivedRows;
}

export function derivedChanges(stored: StoredRows, fresh: DerivedRows): DerivedChanges {
  const items = changesOf<ItemRow>(ITEM_FIELDS, stored.storedItems, fresh.items);
  const deadlines = changesOf<DeadlineRow>(DEADLINE_FIELDS, stored.storedDeadlines, fresh.deadlines);
  const notices = changesOf<NoticeRow>(NOTICE_FIELDS, stored.storedNotices, fresh.notices);
  return {
    gone: { items: items.gone, deadlines: deadlines.gone, notices: notices.gone },
    added: { items: items.added, deadlines: deadlines.added, notices: notices.added },
  };
}

// A digest of one pathway's derived data: its derived columns and its rows,
// each row by the values it is compared on (in the engine's order, which the
// same input always repeats). Stored on Pathway ("derivedDigest") by the batch
// rewrite; when the fresh digest equals the stored one, the stored data are
// these rows (every other writer of derived data clears it), so nothing is
// read or written for that pathway (most pathways, most nights).
const GROUP = "\u0002";
const ROW = "\u0003";

/** Digests of the pathways' derived data: `columns` one object per pathway (its id first), `fresh` their rows. */
export function derivedDigests(columns: { id: string }[], fresh: DerivedRows): Map<string, string> {
  const parts = new Map<string, string[][]>(columns.map((c) => [c.id, [[keyOf(Object.values(c))], [], [], []]]));
  const add = <T extends { pathwayId: string }>(group: number, fields: readonly (keyof T)[], rows: T[]) => {
    for (const row of rows) parts.get(row.pathwayId)?.[group].push(keyOf(fields.map((f) => row[f])));
  };
  add<ItemRow>(1, ITEM_FIELDS, fresh.items);
  add<DeadlineRow>(2, DEADLINE_FIELDS, fresh.deadlines);
  add<NoticeRow>(3, NOTICE_FIELDS, fresh.notices);
  const digests = new Map<string, string>();
  for (const [id, groups] of parts) {
    digests.set(id, createHash("sha256").update(groups.map((g) => g.join(ROW)).join(GROUP)).digest("base64url"));
  }
  return digests;
}
