// `npm run --silent check -- <file.csv> [--today YYYY-MM-DD] [--format table|json]`
// Checks an extract from the patient record system with the rules engine.
// Exit 0: checked (notices are findings, not failures). Exit 2: bad input.
import { DEADLINE_LABELS, PHASE_LABELS, isValidIsoDate } from "@/domain/rules";
import { osloDateOf } from "@/lib/dates";
import { EpjCsvFileError } from "@/lib/epj-csv";
import { checkAndRender, readExtractFile, type CheckedPathway, type Extract } from "./extract";

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

/** One pathway's lines of the table, each ending in a line break, and an empty line after. */
function tableBlock(c: CheckedPathway): string {
  const e = c.evaluation;
  const lines = [`${e.pathwayId} (${e.type}, ${e.setting}${c.patientId ? `, pasient ${c.patientId}` : ""}): ${PHASE_LABELS[e.phase]}`];
  for (const d of e.deadlines) {
    const breach = d.kind === "care_start" ? " – fristbrudd" : "";
    const status = d.met === true ? "innenfor" : d.met === false ? `${d.daysLate} dager over${d.cause === "patient" ? " (pasientutsatt)" : ""}${breach}` : "åpen";
    lines.push(`  ${DEADLINE_LABELS[d.kind]}: frist ${d.due}${d.completedOn ? `, fullført ${d.completedOn}` : ""} – ${status}`);
  }
  for (const n of e.notices) lines.push(`  ! ${n.date} ${n.id}: ${n.message}`);
  lines.push("");
  return lines.map((l) => `${l}\n`).join("");
}

function jsonOf({ patientId, evaluation: e }: CheckedPathway): string {
  return JSON.stringify({
    pathwayId: e.pathwayId,
    patientId,
    type: e.type,
    setting: e.setting,
    phase: e.phase,
    deadlines: e.deadlines.map(({ kind, from, due, completedOn, met, daysLate, cause }) => ({ kind, from, due, completedOn, met, daysLate, cause })),
    notices: e.notices.map(({ id, date, message }) => ({ id, date, message })),
  });
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
// each pathway rendered as it is evaluated (checkAndRender), the report written as it goes in
// pieces of about 1 MB: a national extract's evaluations and report are never all in memory at once
const texts = checkAndRender(pathways, today, format === "json" ? jsonOf : tableBlock);
pathways.clear();
const out = (() => {
  let buffered = "";
  const flush = async () => {
    if (buffered && !process.stdout.write(buffered)) await new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()));
    buffered = "";
  };
  return { write: async (text: string) => ((buffered += text), buffered.length > 1 << 20 ? flush() : undefined), flush };
})();
if (format === "json") {
  await out.write(`{"today":${JSON.stringify(today)},"pathways":[`);
  for (let i = 0; i < texts.length; i++) await out.write(`${i ? "," : ""}${texts[i]}`);
  await out.write("]}\n");
} else {
  await out.write(`Sjekk av uttrekk per ${today}: ${texts.length} forløp\n\n`);
  for (const text of texts) await out.write(text);
}
await out.flush();
