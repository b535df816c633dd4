import { describe, expect, it } from "vitest";
import { readEpjCsvBatches, type EpjRecord } from "@/lib/epj-csv";

// A worker thread's share of an extract (the check CLI on two cores, issue 19):
// readEpjCsvBatches with `share` gives exactly the records it gives without,
// less the rows of the pathway ids it does not take (whether split by hand or
// read by csv-parse after a quote, valid or not); a record of another width
// than the header's is given to every share.

async function records(text: string, share?: (pathwayId: string) => boolean): Promise<EpjRecord[]> {
  const all: EpjRecord[] = [];
  const source = (async function* () {
    // in small pieces: lines cut across them
    for (let i = 0; i < text.length; i += 700) yield Buffer.from(text.slice(i, i + 700));
  })();
  for await (const batch of readEpjCsvBatches(source, undefined, share)) all.push(...batch);
  return all;
}

function extract(quoted: boolean): string {
  const lines = ["pathway_id;patient_id;date;code;outcome"];
  for (let i = 0; i < 1500; i++) {
    const id = i % 97 === 0 ? ` F${i % 13} ` : `F${i % 13}`;
    if (i % 101 === 0) lines.push(`${id};P1;2026-01-01`);
    else if (i % 103 === 0) lines.push(`${id};P1;2026-01-01;${"A".repeat(600)};`);
    else if (i % 107 === 0) lines.push(";;;;");
    else if (quoted && i === 1200) lines.push(`"${id}";"P;1";2026-01-01;A;`);
    else lines.push(`${id};P${i % 13};2026-01-${String(1 + (i % 28)).padStart(2, "0")};A;`);
  }
  return `${lines.join("\n")}\n`;
}

describe("readEpjCsvBatches, a share of the pathway ids", () => {
  for (const quoted of [false, true]) {
    it(`gives every record without share, less the rows of other pathway ids${quoted ? " (a quote: csv-parse from there on)" : ""}`, async () => {
      const text = extract(quoted);
      const idOnLine = (line: number) => text.split("\n")[line - 1].split(";")[0].trim();
      const all = await records(text);
      const mine = (id: string) => ["F1", "F4", "F7"].includes(id);
      const own = await records(text, mine);
      expect(own).toEqual(all.filter((r) => (r.row === undefined ? r.column === undefined || mine(idOnLine(r.line)) : mine(r.row.pathway_id))));
      expect(own.length).toBeLessThan(all.length / 2);
      expect(all.some((r) => r.problem !== undefined && r.column === undefined)).toBe(true);
      expect(all.some((r) => r.problem !== undefined && r.column !== undefined)).toBe(true);
    });
  }
});
