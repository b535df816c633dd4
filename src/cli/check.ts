// `npm run --silent check -- <file.csv> [--today YYYY-MM-DD] [--format table|json]`
// Checks an extract from the patient record system with the rules engine.
// Exit 0: checked (notices are findings, not failures). Exit 2: bad input.
import { isValidIsoDate } from "@/domain/rules";
import { osloDateOf } from "@/lib/dates";
import { EpjCsvFileError } from "@/lib/epj-csv";
import { statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { isMainThread, workerData } from "node:worker_threads";
import { ByteReport } from "./byte-report";
import { checkInWorkers, runCheckWorker, type WorkerTask } from "./check-workers";
import { checkAndRender, readExtractFile, type Extract } from "./extract";
import { writeJson, writeTable } from "./render";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let file: string | null = null;
  let today = osloDateOf(new Date());
  let format: "table" | "json" = "table";
  let threads: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--today") today = argv[++i] ?? "";
    else if (arg === "--format") format = (argv[++i] ?? "") as "table" | "json";
    else if (arg === "--threads") threads = argv[++i] ?? "";
    else if (arg.startsWith("--")) fail(`Ukjent valg ${arg}. Bruk: check <fil.csv> [--today ÅÅÅÅ-MM-DD] [--format table|json] [--threads 1-8]`);
    else if (file) fail("Oppgi bare én fil.");
    else file = arg;
  }
  if (!file) fail("Bruk: npm run --silent check -- <fil.csv> [--today ÅÅÅÅ-MM-DD] [--format table|json] [--threads 1-8]");
  if (!isValidIsoDate(today)) fail(`Ugyldig --today «${today}» (bruk ÅÅÅÅ-MM-DD).`);
  if (format !== "table" && format !== "json") fail(`Ugyldig --format «${format}» (table eller json).`);
  if (threads !== undefined && !/^[1-8]$/.test(threads)) fail(`Ugyldig --threads «${threads}» (et heltall fra 1 til 8).`);
  return { file, today, format, threads: threads === undefined ? undefined : Number(threads) };
}

/** Worker threads for a file of this size or more (a small file is checked before two threads have started). */
const WORKERS_FROM_BYTES = 4 * 1024 * 1024;

/**
 * Two threads for a large file when a second core is free (the load average below the cores): they
 * cost a third more CPU (each reads the whole file; a thread starts in 0.3 s), so on a busy machine
 * one thread finishes sooner. --threads sets the number (the tests: the same report in any);
 * compiled only (`npm run check`, scripts/check.mjs).
 */
function workerCount(file: string, told: number | undefined): number {
  // through tsx (src/cli/check.ts itself): a worker thread would not load TypeScript
  if (import.meta.url.endsWith(".ts")) return 1;
  if (told !== undefined) return told;
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // read (and refused) as before, in this thread
  }
  const cores = availableParallelism();
  return size >= WORKERS_FROM_BYTES && cores >= 2 && loadavg()[0] < cores ? 2 : 1;
}

/** In this thread: the report and its parts' order, as checkAndRender gives them. */
async function checkHere(file: string, today: string, format: "table" | "json"): Promise<{ report: ByteReport; order: number[] }> {
  let extract: Extract;
  try {
    extract = await readExtractFile(file);
  } catch (error) {
    if (error instanceof EpjCsvFileError) fail(error.message);
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "EISDIR") fail(`Fant ikke filen ${file}.`);
    throw error;
  }
  const { pathways, errors } = extract;
  if (errors.length) fail(errors.map((e) => `Linje ${e.line}: ${e.message}`).join("\n"));
  // each pathway rendered into the report's bytes as it is evaluated (checkAndRender), the report written
  // in pieces of about 1 MB: a national extract's evaluations are never all in memory at once, nor its
  // report as strings
  const report = new ByteReport();
  const order = checkAndRender(pathways, today, report, format === "json" ? writeJson : writeTable);
  pathways.clear();
  return { report, order };
}

/** In worker threads (check-workers.ts): the same report, the same errors. */
async function checkInThreads(file: string, today: string, format: "table" | "json", count: number): Promise<{ report: ByteReport; order: number[] }> {
  const result = await checkInWorkers(new URL(import.meta.url), file, today, format, count);
  if (result.kind === "fileError") fail(result.message);
  if (result.kind === "missing") fail(`Fant ikke filen ${file}.`);
  if (result.kind === "rowErrors") fail(result.errors.map((e) => `Linje ${e.line}: ${e.message}`).join("\n"));
  return result;
}

async function main() {
  const { file, today, format, threads } = parseArgs(process.argv.slice(2));
  const workers = workerCount(file, threads);
  const { report, order } = workers > 1 ? await checkInThreads(file, today, format, workers) : await checkHere(file, today, format);
  const write = (bytes: Buffer) =>
    process.stdout.write(bytes) ? undefined : new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
  if (format === "json") await report.writeOut(order, `{"today":${JSON.stringify(today)},"pathways":[`, ",", "]}\n", write);
  else await report.writeOut(order, `Sjekk av uttrekk per ${today}: ${order.length} forløp\n\n`, "", "", write);
}

if (isMainThread) await main();
else await runCheckWorker(workerData as WorkerTask);
