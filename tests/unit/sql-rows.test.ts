import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { int8, parseRows, RowShapeError, sqlDate } from "@/server/sql-rows";

// A hand-written query's rows are checked where they arrive: a renamed column
// is an error naming it, not an `undefined` shown to a user or counted as 0.

const row = z.object({ id: z.string(), dueOn: sqlDate, count: int8, events: z.array(z.object({ code: z.string() })) });
const STATEMENT = `SELECT "id", to_char("dueOn", 'YYYY-MM-DD') AS "dueOn",
  count(*) AS "count" FROM "WorklistItem" GROUP BY 1, 2`;

describe("parseRows", () => {
  it("gives counts as numbers whether they came as bigint (Prisma), string (pg) or number", () => {
    const rows = [
      { id: "a", dueOn: "2026-11-02", count: 3n, events: [] },
      { id: "b", dueOn: "2026-11-03", count: "12", events: [{ code: "A" }] },
      { id: "c", dueOn: "2026-11-04", count: 7, events: [] },
    ];
    expect(parseRows(row, rows, STATEMENT).map((r) => r.count)).toEqual([3, 12, 7]);
  });

  it("drops columns the schema does not name", () => {
    expect(parseRows(row, [{ id: "a", dueOn: "2026-11-02", count: "1", events: [], extra: true }], STATEMENT)).toEqual([
      { id: "a", dueOn: "2026-11-02", count: 1, events: [] },
    ]);
  });

  it("names a missing (renamed) column, the columns that came and the statement", () => {
    const renamed = [{ id: "a", dueOn: "2026-11-02", count: "1", events: [] }, { id: "b", due_on: "2026-11-03", count: "1", events: [] }];
    expect(() => parseRows(row, renamed, STATEMENT)).toThrow(RowShapeError);
    expect(() => parseRows(row, renamed, STATEMENT)).toThrow(
      'Row 2 of 2 does not have the expected shape: column "dueOn" is missing. Columns received: id, due_on, count, events. ' +
        `Statement: SELECT "id", to_char("dueOn", 'YYYY-MM-DD') AS "dueOn", count(*) AS "count" FROM "WorklistItem" GROUP BY 1, 2`,
    );
  });

  it("names a value of the wrong type, inside JSON too", () => {
    expect(() => parseRows(row, [{ id: 1, dueOn: "2026-11-02", count: "1", events: [] }], STATEMENT)).toThrow(/column "id": expected string/);
    expect(() => parseRows(row, [{ id: "a", dueOn: "2026-11-02", count: "1", events: [{ kode: "A" }] }], STATEMENT)).toThrow(
      'column "events" at 0.code: expected string',
    );
    expect(() => parseRows(row, [{ id: "a", dueOn: "02.11.2026", count: "1", events: [] }], STATEMENT)).toThrow(/column "dueOn"/);
  });

  it("refuses a count beyond what a number holds exactly", () => {
    expect(() => parseRows(row, [{ id: "a", dueOn: "2026-11-02", count: "9007199254740993", events: [] }], STATEMENT)).toThrow(
      /column "count": 9007199254740993 is not a safe integer/,
    );
  });
});
