import { describe, expect, it } from "vitest";
import { DEADLINE_FIELDS, ITEM_FIELDS, derivedChanges, type StoredTuple } from "@/server/pathways/derive-diff";
import type { DeadlineRow, ItemRow } from "@/server/pathways/derive-write";

// The nightly rewrite writes only what changed: a row stored as derived is
// kept (with its id), every other stored row is deleted, every derived row not
// stored is inserted, duplicates counted as such.

const deadline = (over: Partial<DeadlineRow> = {}): DeadlineRow => ({
  pathwayId: "p1", unitId: "u1", type: "D11", kind: "basis_assessment", fromDate: "2026-09-01", due: "2026-09-15",
  completedOn: null, met: false, daysLate: 3, cause: "service", decidedOn: null, ...over,
});
/** As read back: [id, ...values in the table's field order]. */
const stored = <T extends object>(id: string, row: T, fields: readonly (keyof T)[]): StoredTuple => [id, ...fields.map((f) => row[f])];
const storedItem = (id: string, row: ItemRow) => stored(id, row, ITEM_FIELDS);
const storedDeadline = (id: string, row: DeadlineRow) => stored(id, row, DEADLINE_FIELDS);

const item = (over: Partial<ItemRow> = {}): ItemRow => ({
  pathwayId: "p1", unitId: "u1", type: "D11", setting: "POLIKLINIKK", responsibleClinicianId: null, reason: "DEADLINE",
  key: "deadline:basis_assessment:2026-09-15", dueOn: "2026-09-15", sinceOn: "2026-09-01", deadlineKind: "basis_assessment",
  noticeId: null, eventId: null, outcome: null, postponedUntil: null, ...over,
});

describe("derivedChanges", () => {
  it("keeps identical rows, replaces changed ones and removes the rest", () => {
    const changes = derivedChanges(
      {
        storedItems: [storedItem("i1", item()), storedItem("i2", item({ key: "inactive", reason: "INACTIVE" }))],
        storedDeadlines: [storedDeadline("d1", deadline()), storedDeadline("d2", deadline({ kind: "treatment_start" }))],
        storedNotices: [],
      },
      { items: [item()], deadlines: [deadline(), deadline({ kind: "treatment_start", daysLate: 4 })], notices: [] },
    );
    expect(changes.gone).toEqual({ items: ["i2"], deadlines: ["d2"], notices: [] });
    expect(changes.added).toEqual({ items: [], deadlines: [deadline({ kind: "treatment_start", daysLate: 4 })], notices: [] });
  });

  it("counts duplicates: two equal rows derived, one stored, one inserted; one derived, two stored, one deleted", () => {
    const one = derivedChanges({ storedItems: [], storedDeadlines: [storedDeadline("d1", deadline())], storedNotices: [] }, { items: [], deadlines: [deadline(), deadline()], notices: [] });
    expect(one.gone.deadlines).toEqual([]);
    expect(one.added.deadlines).toHaveLength(1);
    const two = derivedChanges(
      { storedItems: [], storedDeadlines: [storedDeadline("d1", deadline()), storedDeadline("d2", deadline())], storedNotices: [] },
      { items: [], deadlines: [deadline()], notices: [] },
    );
    expect(two.gone.deadlines).toHaveLength(1);
    expect(two.added.deadlines).toEqual([]);
  });

  it("treats a missing value as null (a stored null equals a derived null)", () => {
    const changes = derivedChanges(
      { storedItems: [storedItem("i1", item({ outcome: null }))], storedDeadlines: [], storedNotices: [] },
      { items: [{ ...item(), outcome: undefined as unknown as null }], deadlines: [], notices: [] },
    );
    expect(changes.gone.items).toEqual([]);
    expect(changes.added.items).toEqual([]);
  });
});
