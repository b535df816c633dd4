import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { parse, type Options } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { EPJ_COLUMNS, MAX_FIELD_LENGTH, REQUIRED_EPJ_COLUMNS, TOO_LONG, type EpjColumn, type EpjRow } from "./columns";

const EMPTY_ROW = Object.fromEntries(EPJ_COLUMNS.map((c) => [c, ""])) as EpjRow;

// The one reader of EPJ extracts (check CLI, import): what Norwegian Excel and
// EPJ exports write – `;` or `,` (told by the header line), an optional UTF-8
// BOM, CRLF or LF, quoted fields with delimiters and newlines inside. Parsing
// is csv-parse's; here: byte checks (size, NUL, UTF-8), the header, the line
// numbers (the line a row starts on) and the zod check of each row.
// A file that cannot be read at all throws EpjCsvFileError (with line numbers);
// a bad row is yielded as a problem, so the caller decides what it refuses.

export const MAX_EPJ_FILE_BYTES = 200 * 1024 * 1024;
/** More header columns than this: the file is refused at once (each unknown or repeated one is named below it). */
export const MAX_HEADER_COLUMNS = 100;

export interface FileProblem {
  line: number;
  message: string;
}

export class EpjCsvFileError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => `Linje ${p.line}: ${p.message}`).join("\n"));
    this.name = "EpjCsvFileError";
  }
}

export type EpjRecord = { line: number; row: EpjRow; problem?: undefined } | { line: number; row?: undefined; problem: string; column?: EpjColumn };

const fileError = (line: number, message: string) => new EpjCsvFileError([{ line, message }]);
const tooLarge = (line: number, maxBytes: number) => fileError(line, `Filen er større enn ${Math.round(maxBytes / 1024 / 1024)} MB.`);

/** `;` when the header line has more semicolons than commas, else `,`. */
export function detectDelimiter(headerLine: string): ";" | "," {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** csv-parse's options for an extract. */
export function parserOptions(delimiter: string): Options {
  return { delimiter, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true, relax_quotes: true };
}

function countNewlines(buf: Uint8Array, end = buf.length): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < end; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Refuses NUL bytes and invalid UTF-8 in complete lines, naming the line (firstLine = the line the bytes start on). */
function checkBytes(buf: Buffer, firstLine: number): void {
  const nul = buf.indexOf(0);
  if (nul !== -1) throw fileError(firstLine + countNewlines(buf, nul), "Raden inneholder en NUL-byte (filen er ikke en tekstfil).");
  if (isUtf8(buf)) return;
  let line = firstLine;
  let start = 0;
  for (;;) {
    const end = buf.indexOf(0x0a, start);
    if (!isUtf8(buf.subarray(start, end === -1 ? buf.length : end))) throw fileError(line, "Raden er ikke gyldig UTF-8 (lagre filen som UTF-8).");
    if (end === -1) return;
    start = end + 1;
    line++;
  }
}

// A split field of 13 characters or more is a view into its piece of the file
// (about 1 MB) and would keep the piece alive as long as the row (the import
// keeps all rows): such a field gets its own copy.
const SLICED_MIN_LENGTH = 13;
const ownCopy = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

/** Turns csv-parse records into rows: the first is the header; the rest are checked against it. */
class RecordReader {
  private columns: (EpjColumn | null)[] | null = null;
  private pathwayColumn = -1;
  private line = 1;

  /** `share`: see readEpjCsvBatches. */
  constructor(private readonly share?: (pathwayId: string) => boolean) {}

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /**
   * Whether the line text[start, stop) (no quote in it) is a row of another share (`share`), read
   * without splitting it: its pathway_id found between the delimiters. A line of another width is not.
   */
  otherShare(text: string, start: number, stop: number, delimiter: string): boolean {
    const columns = this.columns;
    if (!this.share || !columns) return false;
    const idColumn = this.pathwayColumn;
    let field = 0;
    let fieldStart = start;
    let idStart = start;
    let idEnd = stop;
    for (let i = text.indexOf(delimiter, start); i !== -1 && i < stop; i = text.indexOf(delimiter, i + 1)) {
      if (field === idColumn) idEnd = i;
      field++;
      fieldStart = i + 1;
      if (field === idColumn) idStart = fieldStart;
    }
    if (field + 1 !== columns.length) return false;
    return !this.share(text.slice(idStart, idEnd).trim());
  }

  /** `null` for a skipped (empty) record, or a line of another share (`fields` null). `oneLine`: no field holds a line break (a split line). */
  take(fields: string[] | null, oneLine = false): EpjRecord | null {
    if (fields === null) {
      this.line++;
      return null;
    }
    const line = this.line;
    this.line += oneLine ? 1 : 1 + fields.reduce((n, f) => n + (f.includes("\n") || f.includes("\r") ? (f.match(/\r\n|\r|\n/g)?.length ?? 0) : 0), 0);
    if (fields.every((f) => f.trim() === "")) return null;
    if (!this.columns) {
      this.columns = this.header(fields, line);
      return null;
    }
    if (fields.length !== this.columns.length) return { line, problem: `Raden har ${fields.length} felt, overskriften har ${this.columns.length}.` };
    if (this.share && !this.share(fields[this.pathwayColumn].trim())) return null;
    // epjRowSchema by hand (the fields are strings: trim, at most MAX_FIELD_LENGTH, first bad
    // column in EPJ_COLUMNS order, zod's message): a national extract's 500 000 rows, a zod parse each, cost a second
    const row = { ...EMPTY_ROW };
    const columns = this.columns;
    let long = false;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (!c) continue;
      const value = fields[i].trim();
      row[c] = oneLine && value.length >= SLICED_MIN_LENGTH ? ownCopy(value) : value;
      long = value.length > MAX_FIELD_LENGTH || long;
    }
    if (long) for (const c of EPJ_COLUMNS) if (row[c].length > MAX_FIELD_LENGTH) return { line, column: c, problem: `${c} er ${TOO_LONG}.` };
    return { line, row };
  }

  private header(fields: string[], line: number): (EpjColumn | null)[] {
    // a header of thousands of columns is no extract (and checking each against every other took minutes)
    if (fields.length > MAX_HEADER_COLUMNS) {
      throw fileError(line, `Overskriftsraden har ${fields.length} kolonner; et uttrekk har høyst ${EPJ_COLUMNS.length} (${EPJ_COLUMNS.join(", ")}).`);
    }
    const names = fields.map((h) => h.trim().toLowerCase());
    const problems: FileProblem[] = [];
    for (const name of names) if (!(EPJ_COLUMNS as readonly string[]).includes(name)) problems.push({ line, message: `Ukjent kolonne «${name}».` });
    for (const name of new Set(names)) if (names.indexOf(name) !== names.lastIndexOf(name)) problems.push({ line, message: `Kolonnen «${name}» står flere ganger.` });
    for (const name of REQUIRED_EPJ_COLUMNS) if (!names.includes(name)) problems.push({ line, message: `Kolonnen «${name}» mangler.` });
    if (problems.length) throw new EpjCsvFileError(problems);
    this.pathwayColumn = names.indexOf("pathway_id");
    return names as EpjColumn[];
  }

  finish(): void {
    if (!this.columns) throw fileError(1, "Filen er tom: mangler overskriftsrad.");
  }
}

/** `firstLine`: the line csv-parse's input starts on (its line 1). */
function csvError(error: unknown, firstLine: number): EpjCsvFileError {
  if (error instanceof EpjCsvFileError) return error;
  const e = error as { code?: string; lines?: number };
  const line = (e.lines ?? 1) + firstLine - 1;
  if (e.code === "CSV_QUOTE_NOT_CLOSED") return fileError(line, "Et felt i anførselstegn er ikke avsluttet.");
  if (typeof e.code === "string" && e.code.startsWith("CSV_")) return fileError(line, `Filen kan ikke leses som CSV (${e.code}).`);
  throw error;
}

// The fast path (issue 19: csv-parse was most of the time of reading a national
// extract): a line without a quote is its fields between the delimiters, which
// is what csv-parse gives for it with parserOptions; splitting is several times
// faster. From the first line holding a quote on, csv-parse reads the rest of
// the file (quoted fields, line breaks in them, its errors), its lines counted
// from that line. tests/unit/epj-csv/fast-path.test.ts holds the two to the same records.

/** Where the split part of `text` ends: the start of the line holding the first quote, or the end. */
function splitEnd(text: string): number {
  const quote = text.indexOf('"');
  if (quote === -1) return text.length;
  return Math.max(text.lastIndexOf("\n", quote), text.lastIndexOf("\r", quote)) + 1;
}

/** The records of text up to `end` (the start of a line, or the end of the text), none holding a quote. */
function splitRecords(text: string, end: number, delimiter: string): string[][] {
  const records: string[][] = [];
  for (const batch of splitBatches(text, end, delimiter, Infinity)) for (const fields of batch) records.push(fields);
  return records;
}

function indexOrEnd(text: string, char: string, from: number, end: number): number {
  const i = text.indexOf(char, from);
  return i === -1 || i > end ? end : i;
}

/**
 * splitRecords in batches of at most `size` records, each made when asked for:
 * a batch's rows die young (a whole piece's rows at once outlived the young
 * generation, and the garbage collector then took a third of the time).
 */
function splitBatches(text: string, end: number, delimiter: string, size: number): Generator<string[][]>;
/** `reader`: its lines of another share (RecordReader.otherShare) given as null, not split. */
function splitBatches(text: string, end: number, delimiter: string, size: number, reader: RecordReader): Generator<(string[] | null)[]>;
function* splitBatches(text: string, end: number, delimiter: string, size: number, reader?: RecordReader): Generator<(string[] | null)[]> {
  let batch: (string[] | null)[] = [];
  let start = 0;
  // the next \n and \r at or after `start` (end: none before it), each searched for again only when
  // passed. Nothing after the last line break is no record (csv-parse: "skip last line if it has no characters").
  let lf = -1;
  let cr = -1;
  while (start < end) {
    if (lf < start) lf = indexOrEnd(text, "\n", start, end);
    if (cr < start) cr = indexOrEnd(text, "\r", start, end);
    let stop = lf;
    let next = lf + 1;
    if (cr < lf) {
      // \r\n, or a lone \r ending the line
      stop = cr;
      next = cr + 1 === lf ? lf + 1 : cr + 1;
    }
    batch.push(reader?.otherShare(text, start, stop, delimiter) ? null : text.slice(start, stop).split(delimiter));
    start = next;
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Reads a whole extract held in memory (a test, an upload). Throws EpjCsvFileError. */
export function* readEpjCsvText(input: string | Buffer, maxBytes = MAX_EPJ_FILE_BYTES): Generator<EpjRecord> {
  let text: string;
  if (typeof input === "string") {
    if (Buffer.byteLength(input) > maxBytes) throw tooLarge(1, maxBytes);
    checkBytes(Buffer.from(input), 1);
    text = input;
  } else {
    if (input.length > maxBytes) throw tooLarge(1, maxBytes);
    checkBytes(input, 1);
    text = input.toString("utf8");
  }
  text = stripBom(text);
  const { records, split } = csvRecords(text, detectDelimiter(text.slice(0, text.search(/[\r\n]|$/))));
  const reader = new RecordReader();
  for (let i = 0; i < records.length; i++) {
    const record = reader.take(records[i], i < split);
    if (record) yield record;
  }
  reader.finish();
}

/**
 * What csv-parse gives for `text` with the reader's options (or the
 * EpjCsvFileError its error gives), the first `split` records split by hand
 * (the fast path). Throws EpjCsvFileError.
 */
export function csvRecords(text: string, delimiter: string): { records: string[][]; split: number } {
  const end = splitEnd(text);
  const records = splitRecords(text, end, delimiter);
  const split = records.length;
  if (end < text.length) {
    const firstLine = 1 + split;
    try {
      for (const fields of parseSync(text.slice(end), parserOptions(delimiter)) as string[][]) records.push(fields);
    } catch (error) {
      throw csvError(error, firstLine);
    }
  }
  return { records, split };
}

/** Byte-checked text of a stream, in pieces that end on a line break (the last one excepted). */
async function* checkedText(source: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<string> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  let size = 0;
  let first = true;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(line, maxBytes);
    const buf = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const cut = buf.lastIndexOf(0x0a) + 1;
    carry = Buffer.from(buf.subarray(cut));
    if (cut === 0) continue;
    const complete = buf.subarray(0, cut);
    checkBytes(complete, line);
    line += countNewlines(complete);
    const text = complete.toString("utf8");
    yield first ? stripBom(text) : text;
    first = false;
  }
  if (carry.length) {
    checkBytes(carry, line);
    const text = carry.toString("utf8");
    yield first ? stripBom(text) : text;
  }
}

/** Streams an extract (a file path or a byte stream) row by row. Throws EpjCsvFileError. */
export async function* readEpjCsv(source: string | AsyncIterable<Uint8Array>, maxBytes = MAX_EPJ_FILE_BYTES): AsyncGenerator<EpjRecord> {
  for await (const batch of readEpjCsvBatches(source, maxBytes)) yield* batch;
}

const BATCH_SIZE = 500;

/**
 * readEpjCsv's rows in batches (of at most BATCH_SIZE rows): a
 * national extract's half a million rows, a step of an async generator each,
 * cost the check CLI a second. `share`: only the rows whose (trimmed)
 * pathway_id it takes, valid or not, are made and yielded (a worker thread's
 * share of the file); a record of another width than the header's is yielded
 * whatever it holds.
 */
export async function* readEpjCsvBatches(source: string | AsyncIterable<Uint8Array>, maxBytes = MAX_EPJ_FILE_BYTES, share?: (pathwayId: string) => boolean): AsyncGenerator<EpjRecord[]> {
  if (typeof source === "string") {
    if ((await stat(source)).size > maxBytes) throw tooLarge(1, maxBytes);
    source = createReadStream(source, { highWaterMark: 1024 * 1024 });
  }
  const pieces = checkedText(source, maxBytes);
  const head: string[] = [];
  // the delimiter is told by the header line: read up to its end first
  for (;;) {
    const next = await pieces.next();
    if (next.done) break;
    head.push(next.value);
    if (/[\r\n]/.test(next.value)) break;
  }
  const headText = head.join("");
  const delimiter = detectDelimiter(headText.slice(0, headText.search(/[\r\n]|$/)));
  const reader = new RecordReader(share);
  // split while no line holds a quote
  let rest: string | null = null;
  for (let text: string | undefined = headText; text !== undefined; text = await nextValue(pieces)) {
    const end = splitEnd(text);
    for (const lines of splitBatches(text, end, delimiter, BATCH_SIZE, reader)) {
      const batch: EpjRecord[] = [];
      for (const fields of lines) {
        const record = reader.take(fields, true);
        if (record) batch.push(record);
      }
      if (batch.length) yield batch;
    }
    if (end < text.length) {
      rest = text.slice(end);
      break;
    }
  }
  if (rest !== null) yield* parsedBatches(rest, pieces, delimiter, reader);
  reader.finish();
}

async function nextValue<T>(iterator: AsyncIterator<T>): Promise<T | undefined> {
  const next = await iterator.next();
  return next.done ? undefined : next.value;
}

/** csv-parse's records of `first` and the pieces after it, in batches. */
async function* parsedBatches(first: string, pieces: AsyncGenerator<string>, delimiter: string, reader: RecordReader): AsyncGenerator<EpjRecord[]> {
  const firstLine = reader.nextLine;
  const input = Readable.from(
    (async function* () {
      yield first;
      yield* pieces;
    })(),
    { objectMode: false },
  );
  const parser = parse(parserOptions(delimiter));
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let batch: EpjRecord[] = [];
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const record = reader.take(fields);
      if (record) batch.push(record);
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    throw csvError(error, firstLine);
  } finally {
    input.destroy();
  }
  if (batch.length) yield batch;
}
