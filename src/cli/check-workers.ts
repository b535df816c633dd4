import { parentPort, Worker } from "node:worker_threads";
import { concurrentNotices, type Notice } from "@/domain/rules";
import { EpjCsvFileError } from "@/lib/epj-csv";
import { ByteReport, type ReportParts } from "./byte-report";
import { compareKeys, evaluateAndRender, readExtractFile, renderConcurrent, type RowError, type Span, type UrgencyKey } from "./extract";
import { writeJson, writeTable } from "./render";

// The check CLI on two cores (issue 19): each worker thread reads the whole
// file but keeps only its share of the pathways (by a hash of pathway_id, so
// a pathway's rows, and every row error it can give, stay in one worker),
// evaluates and renders them. The main thread joins what they hand over:
// the row errors in line order, the concurrency check over all pathways
// (a patient's pathways may be in either worker: its notices go back to the
// worker that holds the pathway), and the parts sorted as one thread sorts
// them (by urgency, then by the line of the pathway's first row: the order
// of the one thread's map).

export interface WorkerTask {
  checkWorker: true;
  file: string;
  today: string;
  format: "table" | "json";
  index: number;
  count: number;
}

type FromShare =
  | { kind: "fileError"; message: string }
  | { kind: "missing" }
  | { kind: "read"; errors: RowError[] }
  | { kind: "evaluated"; spans: Span[] }
  | { kind: "done"; keys: UrgencyKey[]; parts: ReportParts; transfer: ArrayBuffer[] };

export type WorkersResult =
  | { kind: "fileError"; message: string }
  | { kind: "missing" }
  | { kind: "rowErrors"; errors: RowError[] }
  | { kind: "checked"; report: ByteReport; order: number[] };

/** The worker (0 … count - 1) that holds the rows of a pathway id (FNV-1a; rows of another width than the header's: worker 0). */
export function workerOf(pathwayId: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pathwayId.length; i++) hash = Math.imul(hash ^ pathwayId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/** The main thread: checks share 0 itself and runs `count` - 1 workers of `entry` (the CLI's own module) on the rest, and joins their reports. */
export async function checkInWorkers(entry: URL, file: string, today: string, format: "table" | "json", count: number): Promise<WorkersResult> {
  const workers = Array.from({ length: count - 1 }, (_, i) => new Inbox(new Worker(entry, { workerData: { checkWorker: true, file, today, format, index: i + 1, count } satisfies WorkerTask })));
  const own = new Share({ checkWorker: true, file, today, format, index: 0, count });
  try {
    const read = [await own.read(), ...(await Promise.all(workers.map((w) => w.next())))];
    for (const r of read) if (r.kind === "fileError" || r.kind === "missing") return r;
    const errors = read.flatMap((r) => (r.kind === "read" ? r.errors : []));
    if (errors.length) return { kind: "rowErrors", errors: errors.sort((a, b) => a.line - b.line) };
    const evaluated = [own.evaluate(), ...(await Promise.all(workers.map((w) => w.next())))] as Extract<FromShare, { kind: "evaluated" }>[];
    // in the one thread's order: which of a patient's pathways a notice names depends on it
    const spans = evaluated.flatMap((e) => e.spans).sort((a, b) => a.first - b.first);
    const concurrent = concurrentNotices(spans);
    for (const w of workers) w.worker.postMessage(concurrent);
    const done = [own.rerender(concurrent), ...(await Promise.all(workers.map((w) => w.next())))] as Extract<FromShare, { kind: "done" }>[];
    const { report, offsets } = ByteReport.joined(done.map((d) => d.parts));
    return { kind: "checked", report, order: merged(done.map((d, i) => ({ keys: d.keys, offset: offsets[i] }))) };
  } finally {
    for (const w of workers) void w.worker.terminate();
  }
}

const byUrgencyThenLine = (a: UrgencyKey, b: UrgencyKey) => compareKeys(a, b) || a.first - b.first;

/** The shares' sorted keys merged (the order one thread's stable sort gives: urgency, then the first line): their parts' numbers in the joined report. */
function merged(shares: { keys: UrgencyKey[]; offset: number }[]): number[] {
  const order: number[] = [];
  const at = shares.map(() => 0);
  for (;;) {
    let best = -1;
    for (let s = 0; s < shares.length; s++) {
      if (at[s] < shares[s].keys.length && (best < 0 || byUrgencyThenLine(shares[s].keys[at[s]], shares[best].keys[at[best]]) < 0)) best = s;
    }
    if (best < 0) return order;
    order.push(shares[best].keys[at[best]++].part + shares[best].offset);
  }
}

/** One share of the file, checked in steps (in a worker thread, or in the main thread for share 0). */
class Share {
  private extract: Awaited<ReturnType<typeof readExtractFile>> | null = null;
  private readonly report = new ByteReport();
  private readonly render;
  private keys: UrgencyKey[] = [];

  constructor(private readonly task: WorkerTask) {
    this.render = task.format === "json" ? writeJson : writeTable;
  }

  async read(): Promise<FromShare> {
    const { file, index, count } = this.task;
    try {
      this.extract = await readExtractFile(file, (pathwayId) => workerOf(pathwayId, count) === index, index === 0);
    } catch (error) {
      if (error instanceof EpjCsvFileError) return { kind: "fileError", message: error.message };
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "EISDIR") return { kind: "missing" };
      throw error;
    }
    return { kind: "read", errors: this.extract.errors };
  }

  evaluate(): FromShare {
    const { keys, spans } = evaluateAndRender(this.extract!.pathways, this.task.today, this.report, this.render);
    this.keys = keys;
    return { kind: "evaluated", spans };
  }

  rerender(concurrent: Map<string, Notice[]>): FromShare {
    renderConcurrent(this.extract!.pathways, concurrent, this.task.today, this.report, this.render, this.keys);
    this.extract = null;
    // sorted here, in each thread at once (merged in the main thread)
    const keys = this.keys.sort(byUrgencyThenLine);
    const { parts, transfer } = this.report.handOver();
    return { kind: "done", keys, parts, transfer };
  }
}

/** A worker thread: its share of the file, handed over in the steps checkInWorkers takes. */
export async function runCheckWorker(task: WorkerTask): Promise<void> {
  const port = parentPort!;
  const share = new Share(task);
  const read = await share.read();
  port.postMessage(read);
  if (read.kind !== "read" || read.errors.length) return;
  const concurrent = new Promise<Map<string, Notice[]>>((resolve) => port.once("message", resolve));
  port.postMessage(share.evaluate());
  const done = share.rerender(await concurrent);
  port.postMessage(done, done.kind === "done" ? done.transfer : []);
  port.close();
}

/** A worker's messages, one at a time; its error (or its end before a message) as a rejection. */
class Inbox {
  private readonly queue: FromShare[] = [];
  private waiting: { resolve: (m: FromShare) => void; reject: (e: unknown) => void } | null = null;
  private failure: unknown = null;

  constructor(readonly worker: Worker) {
    worker.on("message", (m: FromShare) => {
      if (this.waiting) this.settle().resolve(m);
      else this.queue.push(m);
    });
    const fail = (error: unknown) => {
      this.failure ??= error;
      if (this.waiting) this.settle().reject(this.failure);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`Sjekk-tråden avsluttet (kode ${code}) uten svar.`)));
  }

  private settle() {
    const waiting = this.waiting!;
    this.waiting = null;
    return waiting;
  }

  next(): Promise<FromShare> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }
}
