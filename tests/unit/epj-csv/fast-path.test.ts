import { Readable } from "node:stream";
import { parse as parseSync } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { EpjCsvFileError, csvRecords, parserOptions, readEpjCsv, readEpjCsvText } from "@/lib/epj-csv";

// The reader's fast path (issue 19) splits lines without a quote by hand and
// hands the rest to csv-parse: it must give csv-parse's records, and its
// errors on the same lines, for any text, and the stream the same as memory.

const rng = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const ALPHABET = ["a", "b", "D11A", "2026-01-05", ";", ",", " ", "\n", "\r\n", "\r", '"', '""', "ø"];

function randomText(next: () => number, length: number, quotes: boolean): string {
  let text = "";
  for (let i = 0; i < length; i++) {
    const piece = ALPHABET[Math.floor(next() * ALPHABET.length)];
    text += !quotes && piece.includes('"') ? "x" : piece;
  }
  return text;
}

/** csv-parse alone on the whole text, as the reader read before the fast path: records, or the error's line. */
function csvParseOnly(text: string, delimiter: string): string[][] | string {
  try {
    return parseSync(text, parserOptions(delimiter)) as string[][];
  } catch (error) {
    const e = error as { code: string; lines: number };
    return `${e.lines} ${e.code}`;
  }
}

function fastPath(text: string, delimiter: string): string[][] | string {
  try {
    return csvRecords(text, delimiter).records;
  } catch (error) {
    if (!(error instanceof EpjCsvFileError)) throw error;
    return `${error.problems[0].line} ${/CSV_\w+/.exec(error.message)?.[0] ?? "CSV_QUOTE_NOT_CLOSED"}`;
  }
}

describe("the EPJ reader's fast path", () => {
  it("gives csv-parse's records and error lines for 1 500 random texts, with and without quotes", () => {
    const next = rng(19);
    for (let i = 0; i < 1500; i++) {
      const text = randomText(next, Math.floor(next() * 60), i % 2 === 0);
      for (const delimiter of [";", ","]) expect(fastPath(text, delimiter), JSON.stringify(text)).toEqual(csvParseOnly(text, delimiter));
    }
  }, 60_000);

  it("names the line of an unclosed quote after lines read by hand, as csv-parse does", () => {
    const text = 'pathway_id;date;code\np1;2026-01-05;A\r\n\np1;2026-01-06;"M\np1;x;y\n';
    expect(fastPath(text, ";")).toEqual(csvParseOnly(text, ";"));
    // csv-parse names the line it stops on: the file's end
    expect(() => [...readEpjCsvText(text)]).toThrow(/^Linje 5: Et felt i anførselstegn er ikke avsluttet\.$/);
  });

  it("streams random extracts in any chunking as it reads them from memory", async () => {
    const next = rng(7);
    for (let i = 0; i < 150; i++) {
      // every tenth long enough for several batches of rows
      const body = randomText(next, i % 10 === 0 ? 6000 : Math.floor(next() * 80), i % 3 === 0);
      const text = `pathway_id;date;code\r\n${body}`;
      const read = async (chunk: number) => {
        const bytes = Buffer.from(text);
        const pieces = [];
        for (let j = 0; j < bytes.length; j += chunk) pieces.push(bytes.subarray(j, j + chunk));
        try {
          const out = [];
          for await (const r of readEpjCsv(Readable.from(pieces))) out.push(r);
          return out;
        } catch (error) {
          return (error as Error).message;
        }
      };
      let inMemory;
      try {
        inMemory = [...readEpjCsvText(text)];
      } catch (error) {
        inMemory = (error as Error).message;
      }
      for (const chunk of i % 10 === 0 ? [64, 4096] : [1, 5, 64]) expect(await read(chunk), JSON.stringify(text)).toEqual(inMemory);
    }
  }, 60_000);
});
