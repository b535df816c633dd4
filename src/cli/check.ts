// `npm run --silent check -- <file.csv> [--today YYYY-MM-DD] [--format table|json]`
// Checks an extract from the patient record system with the rules engine.
// Exit 0: checked (notices are findings, not failures). Exit 2: bad input.
import { isValidIsoDate } from "@/domain/rules";
import { osloDateOf } from "@/lib/dates";
import { EpjCsvFileError } from "@/lib/epj-csv";
import { ByteReport } from "./byte-report";
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
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--today") today = argv[++i] ?? "";
    else if (arg === "--format") format = (argv[++i] ?? "") as "table" | "json";
    else if (arg.startsWith("--")) fail(`Ukjent valg ${arg}. Bruk: check <fil.csv> [--today ÅÅÅÅ-MM-DD] [--format table|json]`);
    else if (file) fail("Oppgi bare én fil.");
    else file = arg;
  }
  if (!file) fail("Bruk: npm run --silent check -- <fil.csv> [--today ÅÅÅÅ-MM-DD] [--format table|json]");
  if (!isValidIsoDate(today)) fail(`Ugyldig --today «${today}» (bruk ÅÅÅÅ-MM-DD).`);
  if (format !== "table" && format !== "json") fail(`Ugyldig --format «${format}» (table eller json).`);
  return { file, today, format };
}

const { file, today, format } = parseArgs(process.argv.slice(2));
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
const write = (bytes: Buffer) =>
  process.stdout.write(bytes) ? undefined : new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
if (format === "json") await report.writeOut(order, `{"today":${JSON.stringify(today)},"pathways":[`, ",", "]}\n", write);
else await report.writeOut(order, `Sjekk av uttrekk per ${today}: ${order.length} forløp\n\n`, "", "", write);
