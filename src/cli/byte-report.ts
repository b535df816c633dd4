// The check CLI's report as bytes, not strings (issue 19: a national
// extract's report is 64 MB). Each pathway's part is written straight into
// large byte chunks and only its place is kept; the parts are written out in
// any order at the end, copied into 1 MB pieces. Half a million small strings,
// each surviving the young generation until the sort, then joined and encoded
// again to write them, were a third of the CLI's time.

const CHUNK_BYTES = 8 * 1024 * 1024;
const OUT_BYTES = 1024 * 1024;

/** Buffers taken for output are never reused: a write may still hold the one before. */
const fresh = (size: number) => Buffer.allocUnsafeSlow(size);

/** A report's bytes and parts as a worker thread hands them over (its chunks' memory moved, not copied). */
export interface ReportParts {
  chunks: ArrayBuffer[];
  partChunk: Int32Array;
  partStart: Int32Array;
  partEnd: Int32Array;
}

export class ByteReport {
  private chunks: Buffer[] = [];
  private chunk = fresh(CHUNK_BYTES);
  /** where the part being written starts in `chunk` */
  private start = 0;
  private pos = 0;
  private readonly partChunk: number[] = [];
  private readonly partStart: number[] = [];
  private readonly partEnd: number[] = [];

  constructor() {
    this.chunks.push(this.chunk);
  }

  /** Room for `bytes` more bytes of the part being written (a part never spans two chunks). */
  private room(bytes: number): void {
    if (this.pos + bytes <= this.chunk.length) return;
    const partBytes = this.pos - this.start;
    const next = fresh(Math.max(CHUNK_BYTES, 2 * (partBytes + bytes)));
    this.chunk.copy(next, 0, this.start, this.pos);
    this.chunk = next;
    this.chunks.push(next);
    this.start = 0;
    this.pos = partBytes;
  }

  /** Ends the part written since the last call: its number (0, 1, …); a number given again replaces that part. */
  endPart(replacing?: number): number {
    const n = replacing ?? this.partStart.length;
    this.partChunk[n] = this.chunks.length - 1;
    this.partStart[n] = this.start;
    this.partEnd[n] = this.pos;
    this.start = this.pos;
    return n;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(text.length * 3);
    this.pos += this.chunk.write(text, this.pos, "utf8");
  }

  /** Text known to be ASCII (the report's own keys and punctuation). */
  ascii(text: string): void {
    this.room(text.length);
    const chunk = this.chunk;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) chunk[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** `JSON.stringify(text)`, as UTF-8: printable ASCII directly, anything else through JSON.stringify. */
  jsonString(text: string): void {
    this.room(text.length + 2);
    const chunk = this.chunk;
    let pos = this.pos;
    chunk[pos++] = 0x22;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return this.text(JSON.stringify(text));
      chunk[pos++] = c;
    }
    chunk[pos++] = 0x22;
    this.pos = pos;
  }

  /** `JSON.stringify(n)`: small whole numbers digit by digit. */
  jsonNumber(n: number): void {
    if (!(n >= 0 && n < 1e9 && Number.isInteger(n))) return this.ascii(JSON.stringify(n));
    this.room(10);
    const chunk = this.chunk;
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let pos = this.pos + digits;
    this.pos = pos;
    let rest = n;
    do {
      chunk[--pos] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** The report handed over (`transfer`: the memory to move); this report is not written to again. */
  handOver(): { parts: ReportParts; transfer: ArrayBuffer[] } {
    // allocUnsafeSlow: each chunk is the whole of its own ArrayBuffer
    const chunks = this.chunks.map((c) => c.buffer as ArrayBuffer);
    const parts = { chunks, partChunk: Int32Array.from(this.partChunk), partStart: Int32Array.from(this.partStart), partEnd: Int32Array.from(this.partEnd) };
    return { parts, transfer: [...chunks, parts.partChunk.buffer, parts.partStart.buffer, parts.partEnd.buffer] };
  }

  /** Reports handed over, as one: the parts of the first, then of the second, … (`offsets`: where each one's parts start). */
  static joined(reports: ReportParts[]): { report: ByteReport; offsets: number[] } {
    const report = new ByteReport();
    report.chunks = [];
    const offsets: number[] = [];
    for (const r of reports) {
      const chunkOffset = report.chunks.length;
      offsets.push(report.partStart.length);
      for (const c of r.chunks) report.chunks.push(Buffer.from(c));
      for (let i = 0; i < r.partStart.length; i++) {
        report.partChunk.push(chunkOffset + r.partChunk[i]);
        report.partStart.push(r.partStart[i]);
        report.partEnd.push(r.partEnd[i]);
      }
    }
    return { report, offsets };
  }

  get parts(): number {
    return this.partStart.length;
  }

  /**
   * Writes `head`, the parts in `order` with `separator` between them, and
   * `tail`, in pieces of about 1 MB, waiting for `write` when it says so.
   */
  async writeOut(order: ArrayLike<number>, head: string, separator: string, tail: string, write: (bytes: Buffer) => Promise<void> | void): Promise<void> {
    const sep = Buffer.from(separator);
    let out = fresh(OUT_BYTES);
    let pos = 0;
    // copies `bytes` when they fit; false: the piece is full (nothing copied)
    // TypedArray#set, not Buffer#copy: its checks cost more than the copy of a part of 600 bytes
    const put = (bytes: Uint8Array): boolean => {
      if (pos + bytes.length > out.length) return false;
      out.set(bytes, pos);
      pos += bytes.length;
      return true;
    };
    const flushAndPut = async (bytes: Uint8Array) => {
      if (pos > 0) await write(out.subarray(0, pos));
      out = fresh(Math.max(OUT_BYTES, bytes.length));
      out.set(bytes, 0);
      pos = bytes.length;
    };
    const start = Buffer.from(head);
    if (!put(start)) await flushAndPut(start);
    for (let i = 0; i < order.length; i++) {
      const n = order[i];
      if (i > 0 && sep.length && !put(sep)) await flushAndPut(sep);
      const part = this.chunks[this.partChunk[n]].subarray(this.partStart[n], this.partEnd[n]);
      if (!put(part)) await flushAndPut(part);
    }
    const end = Buffer.from(tail);
    if (!put(end)) await flushAndPut(end);
    if (pos > 0) await write(out.subarray(0, pos));
  }
}
