import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteReport } from "@/cli/byte-report";
import type { CheckedPathway } from "@/cli/extract";
import { jsonObjectOf, writeJson } from "@/cli/render";

// The check CLI writes its JSON report byte by byte (issue 19, speed): it
// must write exactly what JSON.stringify wrote before, for any text an
// extract can hold (quotes, control characters, non-ASCII, lone surrogates).

async function bytesOf(report: ByteReport, order: number[], head = "", separator = ",", tail = ""): Promise<string> {
  const pieces: Buffer[] = [];
  await report.writeOut(order, head, separator, tail, (b) => void pieces.push(Buffer.from(b)));
  return Buffer.concat(pieces).toString("utf8");
}

const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("", '"', "\\", "\u0000\u001f\u007f", "\ud800", "æøå «»"));
const number = fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer(), fc.double(), fc.constantFrom(-0, 0, 9, 10, 999_999_999, 1e9));
const pathway = fc.record({
  patientId: text,
  evaluation: fc.record({
    pathwayId: text,
    type: text,
    setting: text,
    phase: text,
    deadlines: fc.array(
      fc.record({
        kind: text, from: text, due: text, completedOn: fc.option(text), met: fc.option(fc.boolean()), daysLate: number, cause: fc.option(text),
        durationDays: fc.constant(1), unit: fc.constant("calendar_days"), unconfirmed: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    notices: fc.array(fc.record({ id: text, date: text, message: text, eventId: fc.option(text) }), { maxLength: 3 }),
  }),
}) as unknown as fc.Arbitrary<CheckedPathway>;

describe("the check CLI's JSON written as bytes", () => {
  it("is JSON.stringify's text of the pathway, whatever its strings and numbers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pathway, { maxLength: 5 }), async (pathways) => {
        const report = new ByteReport();
        for (const p of pathways) {
          writeJson(p, report);
          report.endPart();
        }
        const expected = pathways.map((p) => JSON.stringify(jsonObjectOf(p))).join(",");
        expect(await bytesOf(report, pathways.map((_, i) => i))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("writes parts in the order asked, a part replaced by its number, and parts larger than a chunk whole", async () => {
    const report = new ByteReport();
    const big = "x".repeat(6 * 1024 * 1024);
    for (const t of ["a", big, "b", big + "y"]) {
      report.text(t);
      report.endPart();
    }
    report.text("c");
    report.endPart(2);
    expect(report.parts).toBe(4);
    expect(await bytesOf(report, [2, 3, 0, 1], "[", ",", "]")).toBe(`[c,${big}y,a,${big}]`);
  });
});
