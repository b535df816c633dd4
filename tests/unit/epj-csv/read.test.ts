import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { EpjCsvFileError, readEpjCsv, readEpjCsvText, type EpjRecord } from "@/lib/epj-csv";

// The shared EPJ reader: what Norwegian Excel and EPJ exports write is read
// the same from memory and from a stream; a file it cannot read is refused
// with the line and a Norwegian message.

async function streamed(bytes: Buffer, maxBytes?: number, chunk = 7): Promise<EpjRecord[]> {
  const pieces = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  const out: EpjRecord[] = [];
  for await (const r of readEpjCsv(Readable.from(pieces), maxBytes)) out.push(r);
  return out;
}
const inMemory = (bytes: Buffer, maxBytes?: number) => [...readEpjCsvText(bytes, maxBytes)];

async function refusal(bytes: Buffer, maxBytes?: number): Promise<string[]> {
  const messages: string[][] = [];
  for (const read of [() => inMemory(bytes, maxBytes), () => streamed(bytes, maxBytes)]) {
    try {
      await read();
      messages.push(["read without error"]);
    } catch (error) {
      if (!(error instanceof EpjCsvFileError)) throw error;
      messages.push(error.message.split("\n"));
    }
  }
  expect(messages[0]).toEqual(messages[1]);
  return messages[0];
}

describe("the EPJ CSV reader", () => {
  it("reads ; with BOM, CRLF and a quoted field holding the delimiter and a line break, with the line each row starts on", async () => {
    const text = '\uFEFFpathway_id;date;code;patient_name\r\np1;2026-01-05;D11A;"Nordmann; Ola\r\nandre linje"\r\n\r\np1;2026-01-06;D11M;Kari\r\n';
    const expected = [
      { line: 2, pathway_id: "p1", code: "D11A", patient_name: "Nordmann; Ola\r\nandre linje" },
      { line: 5, pathway_id: "p1", code: "D11M", patient_name: "Kari" },
    ];
    for (const records of [inMemory(Buffer.from(text)), await streamed(Buffer.from(text))]) {
      expect(records.map((r) => ({ line: r.line, pathway_id: r.row?.pathway_id, code: r.row?.code, patient_name: r.row?.patient_name }))).toEqual(expected);
      expect(records[0].row?.event_id).toBe("");
    }
  });

  it("reads , when the header has commas, and a name with a comma in quotes", async () => {
    const records = await streamed(Buffer.from('pathway_id,date,code,patient_name\n p1 ,2026-01-05,D11A,"Nordmann, Ola"\n'));
    expect(records).toEqual([{ line: 2, row: expect.objectContaining({ pathway_id: "p1", patient_name: "Nordmann, Ola" }) }]);
  });

  it("yields a row of the wrong width as a problem, not a refused file", async () => {
    const records = await streamed(Buffer.from("pathway_id,date,code\np1,2026-01-05\np1,2026-01-06,D11M\n"));
    expect(records[0]).toEqual({ line: 2, problem: "Raden har 2 felt, overskriften har 3." });
    expect(records[1].row?.code).toBe("D11M");
  });

  it("refuses a missing required column and an unknown one on line 1", async () => {
    expect(await refusal(Buffer.from("pathway_id;code;farge\r\np1;A;blå\r\n"))).toEqual(["Linje 1: Ukjent kolonne «farge».", "Linje 1: Kolonnen «date» mangler."]);
  });

  it("refuses a NUL byte and invalid UTF-8 with the line they are on", async () => {
    expect(await refusal(Buffer.concat([Buffer.from("pathway_id,date,code\np1,2026-01-05,A\np1,2026-01-0"), Buffer.from([0]), Buffer.from("6,M\n")]))).toEqual([
      "Linje 3: Raden inneholder en NUL-byte (filen er ikke en tekstfil).",
    ]);
    // "Ø" in Latin-1 (0xD8) is not UTF-8
    expect(await refusal(Buffer.concat([Buffer.from("pathway_id,date,code,patient_name\np1,2026-01-05,A,Ola\np1,2026-01-06,M,"), Buffer.from([0xd8]), Buffer.from("ystein\n")]))).toEqual([
      "Linje 3: Raden er ikke gyldig UTF-8 (lagre filen som UTF-8).",
    ]);
  });

  it("refuses a file over the size limit, an empty file and an unclosed quote", async () => {
    const big = Buffer.from("pathway_id,date,code\n" + "p1,2026-01-05,A\n".repeat(10));
    expect(() => inMemory(big, 100)).toThrow("Linje 1: Filen er større enn 0 MB.");
    await expect(streamed(big, 100)).rejects.toThrow(/^Linje \d+: Filen er større enn 0 MB\.$/);
    expect(await refusal(Buffer.from(""))).toEqual(["Linje 1: Filen er tom: mangler overskriftsrad."]);
    expect((await refusal(Buffer.from('pathway_id,date,code\np1,2026-01-05,"A\n')))[0]).toMatch(/^Linje \d: Et felt i anførselstegn er ikke avsluttet\.$/);
  });

  it("refuses a header of 150 000 columns at once with one short message (it took minutes of the server's CPU)", async () => {
    const header = Buffer.from(`${Array.from({ length: 150_000 }, (_, i) => `c${i}`).join(",")}\n`);
    const started = Date.now();
    const messages = [];
    for (const read of [() => inMemory(header), () => streamed(header, undefined, 64 * 1024)]) {
      const error = await Promise.resolve().then(read).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(EpjCsvFileError);
      messages.push((error as Error).message);
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).toMatch(/^Linje 1: Overskriftsraden har 150000 kolonner; et uttrekk har høyst 13 \(pathway_id, /);
    expect(messages[0].length).toBeLessThan(300);
  }, 10_000);
});

describe("the reader's row check", () => {
  it("gives what epjRowSchema gives: trimmed fields, missing columns empty, the first too long column (in column order) refused in zod's words", async () => {
    const { epjRowSchema } = await import("@/lib/epj-csv");
    const long = "x".repeat(501);
    const text = `code;date;pathway_id;patient_name\n D11A ;2026-01-05; p1 ;Ola\nD11A;2026-01-05;p1;${long}\n${long};2026-01-05;p1;${long}\n`;
    const records = [...readEpjCsvText(Buffer.from(text))];
    expect(records[0].row).toEqual(epjRowSchema.parse({ ...Object.fromEntries(Object.keys(epjRowSchema.shape).map((k) => [k, ""])), code: " D11A ", date: "2026-01-05", pathway_id: " p1 ", patient_name: "Ola" }));
    const zodSays = (raw: Record<string, string>) => {
      const issue = epjRowSchema.safeParse({ ...Object.fromEntries(Object.keys(epjRowSchema.shape).map((k) => [k, ""])), ...raw }).error!.issues[0];
      return { column: issue.path[0], problem: `${String(issue.path[0])} er ${issue.message}.` };
    };
    expect(records[1]).toEqual({ line: 3, ...zodSays({ code: "D11A", date: "2026-01-05", pathway_id: "p1", patient_name: long }) });
    expect(records[2]).toEqual({ line: 4, ...zodSays({ code: long, date: "2026-01-05", pathway_id: "p1", patient_name: long }) });
  });
});
