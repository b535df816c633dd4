// `npm run --silent import -- <fil.csv> --unit <enhet-id eller navn> [--dry-run] [--migrate] [--format table|json] [--user <e-post>]`
// --migrate: a one-time migration into a unit whose codes Forløpsvakt holds (otherwise refused, exit 1).
// Loads an extract from the patient record system (EPJ) into a unit: the same
// service as the page /import (src/server/epj-import). The dry run writes
// nothing. Exit 0: the plan was made (refused rows are findings); 2: the file
// or the arguments cannot be used; 1: the import could not run (another
// import into the unit runs, the database is down).
// The importing user: --user, else the unit's first active forløpskoordinator.
import type { ImportPlan } from "@/domain/epj-import/plan";
import { EpjCsvFileError } from "@/lib/epj-csv";
import type { Actor } from "@/server/auth/current-user";
import { today as todayInOslo } from "@/server/clock";
import { createPrismaClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { importJobShown } from "@/server/epj-import/job";
import { importUnit, planFileShown, readImportFile, reportOf, runImportJob, startImportJob, summaryLine, type ImportFile, type ImportProgress, type ImportReport } from "@/server/epj-import/run";

const USAGE = "Bruk: npm run --silent import -- <fil.csv> --unit <enhet> [--dry-run] [--migrate] [--format table|json] [--user <e-post>]";

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]) {
  let file: string | null = null;
  let unit = "";
  let user = "";
  let dryRun = false;
  let migrate = false;
  let format = "table";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--unit") unit = argv[++i] ?? "";
    else if (arg === "--user") user = argv[++i] ?? "";
    else if (arg === "--format") format = argv[++i] ?? "";
    else if (arg === "--dry-run") dryRun = true;
    else if (arg === "--migrate") migrate = true;
    else if (arg.startsWith("--")) fail(`Ukjent valg ${arg}. ${USAGE}`);
    else if (file) fail("Oppgi bare én fil.");
    else file = arg;
  }
  if (!file || !unit) fail(USAGE);
  if (format !== "table" && format !== "json") fail(`Ugyldig --format «${format}» (table eller json).`);
  return { file, unit, user, dryRun, migrate, format: format as "table" | "json" };
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** A progress bar on stderr (only on a terminal: stdout stays the report). */
function progressBar(started: number) {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (p: ImportProgress) => {
    const t = Date.now();
    if (t - last < 200 && p.pathwaysDone < p.pathwaysTotal) return;
    last = t;
    const share = p.rowsTotal ? p.rowsDone / p.rowsTotal : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = (t - started) / 1000;
    const rate = seconds > 0 ? p.rowsDone / seconds : 0;
    const left = rate > 0 ? (p.rowsTotal - p.rowsDone) / rate : Infinity;
    process.stderr.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.rowsDone}/${p.rowsTotal} rader, ${p.pathwaysDone}/${p.pathwaysTotal} forløp, ${Math.round(rate)} rader/s, igjen ca. ${duration(left)}   `,
    );
  };
}

function table(report: ImportReport, plan: ImportPlan | null, unitName: string, fileName: string): string {
  const c = report.counts;
  const lines = [
    `${report.dryRun ? "Tørrkjøring (ingenting er lagret)" : "Import"} av ${fileName} til ${unitName}: ${summaryLine(c)}`,
    `  Pasienter nye i enheten: ${c.patientsCreated}, henvisninger: ${c.referralsCreated}, forløp: ${c.pathwaysCreated}`,
    `  Hendelser nye: ${c.eventsCreated}, korrigert: ${c.eventsCorrected}, uendret: ${c.eventsUnchanged}`,
    `  Avviste rader: ${c.rowsRefused}, finnes ikke i uttrekket: ${c.missingFromFile}`,
  ];
  if (plan) {
    lines.push("", "Forløp:");
    for (const p of plan.pathways) {
      const what = p.create ? "opprettes" : p.add.length || p.corrections.length ? "oppdateres" : "uendret";
      lines.push(`  ${p.externalId}: ${what} (${p.add.length} nye, ${p.corrections.length} korrigert, ${p.unchanged} uendret)`);
    }
  }
  if (report.refused.length) {
    lines.push("", "Avviste rader:");
    for (const r of report.refused) lines.push(`  Linje ${r.line}${r.column ? `, ${r.column}` : ""}: ${r.message}`);
  }
  if (report.missing.length) {
    lines.push("", "Finnes ikke i uttrekket (ikke slettet, se over):");
    for (const m of report.missing) lines.push(`  ${m.pathwayId}: hendelse ${m.eventId}`);
  }
  if (plan?.notices.length) {
    lines.push("", "Oppmerksomheter etter importen:");
    for (const n of plan.notices) lines.push(`  ${n.pathwayId} ${n.date} ${n.id}: ${n.message}`);
  }
  return lines.join("\n");
}

const args = parseArgs(process.argv.slice(2));
const prisma = createPrismaClient(undefined, { timeouts: "job" });
(globalThis as { forlopsvaktPrisma?: typeof prisma }).forlopsvaktPrisma = prisma;
try {
  let file: ImportFile;
  try {
    file = await readImportFile(args.file);
  } catch (error) {
    if (error instanceof EpjCsvFileError) fail(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR") fail(`Fant ikke filen ${args.file}.`);
    throw error;
  }
  const named = await prisma.unit.findFirst({ where: { OR: [{ id: args.unit }, { name: args.unit }] }, select: { id: true } });
  if (!named) fail(`Fant ikke enheten «${args.unit}».`);
  const user = await prisma.user.findFirst({
    where: args.user ? { email: args.user.toLowerCase(), active: true } : { active: true, role: "COORDINATOR", units: { some: { unitId: named.id } } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, units: { select: { unitId: true } } },
  });
  if (!user) fail(args.user ? `Fant ingen aktiv bruker med e-post ${args.user}.` : "Enheten har ingen aktiv forløpskoordinator: oppgi --user <e-post>.");
  const actor: Actor = {
    user: { id: user.id, email: user.email, name: user.name, role: user.role as Actor["user"]["role"], unitIds: user.units.map((u) => u.unitId) },
    meta: { ip: null, userAgent: "npm run import" },
  };
  const day = todayInOslo();
  const unit = await importUnit(actor, args.unit);
  const fileName = args.file.split("/").pop() ?? args.file;
  let report: ImportReport;
  let plan: ImportPlan | null = null;
  if (args.dryRun) {
    // what is printed names patients (the table lists the file's pathways, JSON only the report): audited as on the page
    plan = await planFileShown(actor, unit.id, file, day, { pathwayList: args.format === "table" });
    report = reportOf(plan, true);
  } else {
    const jobId = await startImportJob(actor, unit, fileName, file.sha256, { migrate: args.migrate });
    report = await runImportJob(actor, jobId, file, day, progressBar(Date.now()));
    if (process.stderr.isTTY) process.stderr.write("\n");
    // the printed report names patients (refusals, missing events): audited as a view of the job
    await importJobShown(actor, jobId);
  }
  process.stdout.write(`${args.format === "json" ? JSON.stringify(report) : table(report, plan, unit.name, fileName)}\n`);
} catch (error) {
  if (error instanceof AppError) fail(error.message, error.status === 404 || error.status === 403 ? 2 : 1);
  if (error instanceof Error && error.name === "PermissionDenied") fail("Brukeren har ikke lov til å importere (bare forløpskoordinatorer).");
  fail(`Importen feilet: ${error instanceof Error ? error.message : String(error)}`, 1);
} finally {
  await prisma.$disconnect();
}
