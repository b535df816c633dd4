import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { planImport, type ImportPlan, type PlanCounts, type PlannedPathway, type PlanRecord } from "@/domain/epj-import/plan";
import type { IsoDate } from "@/lib/dates";
import { EpjCsvFileError, MAX_EPJ_FILE_BYTES, readEpjCsv } from "@/lib/epj-csv";
import { writeAudit } from "@/server/audit";
import { auditImportView, patientsOf, planKeys } from "./shown";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { now } from "@/server/clock";
import { prisma } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { ConflictError, NotFoundError } from "@/server/errors";
import { assertImportAllowed } from "@/server/units/codes-recorded-in";
import { applyBatch } from "./apply";
import { loadPlanContext } from "./context";
import { importerRefusal, stoppedMessage } from "./importer-check";
import { currentRuleTables } from "@/server/rule-tables/load";
import type { RuleTables } from "@/domain/rules";

// One service, two doors (npm run import, the page /import): read the file,
// make the plan (the dry run stops there, writing nothing), and apply it
// pathway by pathway under the unit's import job, which is also the lock:
// at most one RUNNING job per unit (a partial unique index), so a second
// import into the same unit is refused with a clear message, never
// interleaved. Progress is stored on the job, so the page survives a reload.

/** A RUNNING job not heard from for this long is taken as dead (its process stopped). */
const STALE_AFTER_MS = 5 * 60_000;
const PROGRESS_EVERY_MS = 500;
/**
 * Batch transactions in flight at once (the pool has DATABASE_POOL_SIZE
 * connections, 10 by default): while one batch is evaluated in Node, others
 * wait for PostgreSQL. Measured on 2 cores (4 000 pathways): 2 lanes of 200
 * 20.1 s, 2 of 500 18.1 s, 3 of 500 13.9 s, 4 of 500 9.3 s, 3 of 1 000 11.1 s.
 */
const LANES = 4;
/** Pathways per batch transaction. */
export const BATCH_PATHWAYS = 500;

export interface ImportFile {
  records: PlanRecord[];
  sha256: string;
}

/** The report of a dry run or an import: the JSON the CLI prints, plus the plan's detail. */
export interface ImportReport {
  dryRun: boolean;
  counts: PlanCounts;
  refused: ImportPlan["refused"];
  missing: ImportPlan["missing"];
}

/** The report as a DONE job stores it: plus the patients it names (never shown, only audited). */
export type StoredImportResult = ImportReport & { shownPatientIds: string[] };

export interface ImportProgress {
  rowsDone: number;
  rowsTotal: number;
  pathwaysDone: number;
  pathwaysTotal: number;
}

/** The job stopped before its next batch: the one who started it may no longer import (importer-check.ts). */
export class ImportStopped extends ConflictError {
  constructor(message: string) {
    super("import_stopped", message);
  }
}

/** Test and benchmark seams: batch size, lanes, and a hook awaited before each batch after the first. */
export interface ImportTuning {
  batchPathways?: number;
  lanes?: number;
  betweenBatches?: () => Promise<void>;
}

export class ImportBusy extends ConflictError {
  constructor(unitName: string) {
    super("import_running", `Det pågår allerede en import til ${unitName}. Vent til den er ferdig, og prøv igjen.`);
  }
}

/** Reads and checks the whole file (a path or bytes). Throws EpjCsvFileError when it cannot be used. */
export async function readImportFile(source: string | Uint8Array): Promise<ImportFile> {
  const hash = createHash("sha256");
  if (typeof source === "string" && (await stat(source)).size > MAX_EPJ_FILE_BYTES) throw new EpjCsvFileError([{ line: 1, message: "Filen er større enn 200 MB." }]);
  const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = typeof source === "string" ? createReadStream(source, { highWaterMark: 1024 * 1024 }) : [source];
  const hashed = (async function* () {
    for await (const chunk of chunks) {
      hash.update(chunk);
      yield chunk;
    }
  })();
  const records: PlanRecord[] = [];
  for await (const record of readEpjCsv(hashed)) records.push(record);
  return { records, sha256: hash.digest("hex") };
}

/** The unit named by id or name, when it is one of the actor's. */
export async function importUnit(actor: Actor, idOrName: string): Promise<{ id: string; name: string }> {
  assertCan(actor.user, "epj.import");
  const unit = await prisma.unit.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName }], id: { in: actor.user.unitIds } }, select: { id: true, name: true } });
  if (!unit) throw new NotFoundError("Fant ikke enheten, eller du har ikke tilgang til den.");
  return unit;
}

/** The plan for a file in a unit, writing nothing (the dry run); by the rule tables in force unless given. */
export async function planFile(actor: Actor, unitId: string, file: ImportFile, today: IsoDate, tables?: RuleTables): Promise<ImportPlan> {
  assertCan(actor.user, "epj.import");
  if (!actor.user.unitIds.includes(unitId)) throw new NotFoundError("Fant ikke enheten, eller du har ikke tilgang til den.");
  return planImport(file.records, await loadPlanContext(prisma, unitId, file.records, today, tables));
}

/**
 * The dry run as it is shown: the plan, and an audit row naming the patients
 * the view shows (shown.ts). `pathwayList`: the view lists the file's
 * pathways with the stored ones' changes (the page, the CLI's table); else
 * only the report (refusals, missing events: the API, --format json).
 */
export async function planFileShown(actor: Actor, unitId: string, file: ImportFile, today: IsoDate, options: { pathwayList: boolean } = { pathwayList: true }): Promise<ImportPlan> {
  const plan = await planFile(actor, unitId, file, today);
  const patientIds = await patientsOf(unitId, planKeys(plan, options));
  await auditImportView(actor, "import-plan", patientIds, { unitId, importFile: file.sha256 });
  return plan;
}

export function reportOf(plan: ImportPlan, dryRun: boolean): ImportReport {
  return { dryRun, counts: plan.counts, refused: plan.refused, missing: plan.missing };
}

/**
 * Takes the unit's import lock: a RUNNING job. Throws ImportBusy when another import runs, and
 * CodesRecordedInForlopsvakt when Forløpsvakt holds the unit's codes, unless `migrate` (a one-time migration).
 */
export async function startImportJob(actor: Actor, unit: { id: string; name: string }, fileName: string, sha256: string, options: { migrate?: boolean } = {}): Promise<string> {
  assertCan(actor.user, "epj.import");
  if (!actor.user.unitIds.includes(unit.id)) throw new NotFoundError("Fant ikke enheten, eller du har ikke tilgang til den.");
  await assertImportAllowed(prisma, unit.id, options.migrate === true);
  await prisma.importJob.updateMany({
    where: { unitId: unit.id, status: "RUNNING", updatedAt: { lt: new Date(now().getTime() - STALE_AFTER_MS) } },
    data: { status: "FAILED", error: "Importen stoppet uten å bli ferdig (prosessen ble avbrutt).", finishedAt: now() },
  });
  try {
    const job = await prisma.importJob.create({ data: { unitId: unit.id, userId: actor.user.id, fileName: fileName.slice(0, 255), sha256 }, select: { id: true } });
    return job.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ImportBusy(unit.name);
    throw error;
  }
}

/**
 * Runs an import under its job: plans again (what is stored now), applies
 * the pathways in batches (a transaction each; a failed batch is split until
 * the failing pathway is alone), records progress, and finishes the job
 * with the report and one EPJ_IMPORTED audit row. A pathway whose transaction
 * fails is not stored; its rows are reported as refused. Never throws for a
 * failed pathway; a failure of the whole run marks the job FAILED and rethrows.
 */
export async function runImportJob(
  actor: Actor,
  jobId: string,
  file: ImportFile,
  today: IsoDate,
  onProgress?: (progress: ImportProgress) => void,
  tuning: ImportTuning = {},
): Promise<ImportReport> {
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { unitId: true, fileName: true, sha256: true } });
  try {
    // The rule tables are read once per job: the plan's codes were judged by
    // them, and every batch derives by the same ones, so one import never
    // mixes two versions (a batch before and one after an administrator's new
    // version). A version added while the job runs reaches its pathways
    // through the recompute that follows it, or at the latest the nightly one
    // (it compares each pathway's digest by the tables then in force).
    const tables = await currentRuleTables();
    const plan = await planFile(actor, job.unitId, file, today, tables);
    const changes = (p: (typeof plan.pathways)[number]) => Boolean(p.create || p.add.length || p.corrections.length);
    const pathways = plan.pathways.filter(changes);
    // refused rows and unchanged pathways are done before the first write
    const unchangedRows = plan.pathways.reduce((n, p) => n + (changes(p) ? 0 : p.lines), 0);
    const progress: ImportProgress = { rowsDone: plan.refused.length + unchangedRows, rowsTotal: plan.rows, pathwaysDone: 0, pathwaysTotal: pathways.length };
    let reported = 0;
    const report = async (force = false) => {
      onProgress?.(progress);
      if (!force && Date.now() - reported < PROGRESS_EVERY_MS) return;
      reported = Date.now();
      await prisma.importJob.update({ where: { id: jobId }, data: { ...progress, updatedAt: now() } });
    };
    await report(true);
    const counts = { ...plan.counts };
    const refused = [...plan.refused];
    // a stored pathway whose transaction failed is named in the report with a reason about its stored state
    const failedStored: string[] = [];
    const refuse = (p: PlannedPathway, error: unknown) => {
      if (p.storedId) failedStored.push(p.storedId);
      const message = error instanceof Error && error.name === "StalePlan" ? error.message : "Forløpet kunne ikke lagres.";
      refused.push({ line: 0, column: "pathway_id", message: `Forløpet «${p.externalId}» ble ikke importert: ${message}` });
      counts.rowsRefused += p.lines;
      counts.eventsCreated -= p.add.length;
      counts.eventsCorrected -= p.corrections.length;
      if (p.create) {
        counts.pathwaysCreated--;
        counts.referralsCreated--;
      }
    };
    // a batch in one transaction; when it fails, each half again, down to the
    // single pathway that fails: a bad pathway never blocks the others, and
    // costs a few transactions, not one per pathway of its batch
    const applyOrSplit = async (batch: PlannedPathway[]): Promise<void> => {
      try {
        await applyBatch(actor, job.unitId, batch, jobId, today, tables);
      } catch (error) {
        if (batch.length === 1) return refuse(batch[0], error);
        const half = Math.ceil(batch.length / 2);
        await applyOrSplit(batch.slice(0, half));
        await applyOrSplit(batch.slice(half));
      }
    };
    const apply = async (batch: PlannedPathway[]) => {
      await applyOrSplit(batch);
      progress.pathwaysDone += batch.length;
      progress.rowsDone += batch.reduce((n, p) => n + p.lines, 0);
      await report();
    };
    // LANES batches at once (one waits for PostgreSQL while another works); a
    // patient's pathways stay in one batch, in file order, so a new patient is
    // created once and sibling pathways derive together
    const groups = new Map<string, PlannedPathway[]>();
    for (const p of pathways) {
      const key = p.create?.nationalId ?? p.storedId!;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const queue: PlannedPathway[][] = [];
    let batch: PlannedPathway[] = [];
    const batchPathways = tuning.batchPathways ?? BATCH_PATHWAYS;
    for (const group of groups.values()) {
      if (batch.length && batch.length + group.length > batchPathways) {
        queue.push(batch);
        batch = [];
      }
      batch.push(...group);
    }
    if (batch.length) queue.push(batch);
    // before each batch: may the one who started the job still import here? (a deactivation stops it)
    let stopped: string | null = null;
    let started = 0;
    const mayGoOn = async () => {
      if (started++ > 0) await tuning.betweenBatches?.();
      stopped ??= await importerRefusal(actor, job.unitId);
      return stopped === null;
    };
    await Promise.all(
      Array.from({ length: Math.min(tuning.lanes ?? LANES, queue.length) }, async () => {
        while (queue.length && (await mayGoOn())) {
          const next = queue.shift();
          if (next) await apply(next);
        }
      }),
    );
    if (stopped !== null) {
      const message = stoppedMessage(stopped);
      await report(true);
      await prisma.$transaction(async (tx) => {
        await tx.importJob.update({ where: { id: jobId }, data: { status: "STOPPED", error: message, finishedAt: now(), updatedAt: now() } });
        await writeAudit(
          tx,
          { userId: actor.user.id, action: "EPJ_IMPORTED", detail: { importJobId: jobId, unitId: job.unitId, fileName: job.fileName, sha256: job.sha256, stopped: true, pathwaysDone: progress.pathwaysDone } },
          actor.meta,
        );
      });
      throw new ImportStopped(message);
    }
    refused.sort((x, y) => x.line - y.line);
    await report(true);
    const result: ImportReport = { dryRun: false, counts, refused, missing: plan.missing };
    // the patients the report names, kept with it: each view of the job audits them (job.ts), and the
    // refusals' stored records cannot be found again from the report's text
    const keys = planKeys(plan, { pathwayList: false });
    const shownPatientIds = await patientsOf(job.unitId, { ...keys, pathwayIds: [...keys.pathwayIds!, ...failedStored] });
    const stored: StoredImportResult = { ...result, shownPatientIds };
    await prisma.$transaction(async (tx) => {
      await tx.importJob.update({ where: { id: jobId }, data: { status: "DONE", result: JSON.parse(JSON.stringify(stored)), finishedAt: now(), updatedAt: now() } });
      await writeAudit(
        tx,
        { userId: actor.user.id, action: "EPJ_IMPORTED", detail: { importJobId: jobId, unitId: job.unitId, fileName: job.fileName, sha256: job.sha256, counts } },
        actor.meta,
      );
    });
    return result;
  } catch (error) {
    if (error instanceof ImportStopped) throw error;
    await prisma.importJob
      .update({ where: { id: jobId }, data: { status: "FAILED", error: "Importen stoppet på grunn av en feil. Forløp som var lagret, er beholdt.", finishedAt: now(), updatedAt: now() } })
      .catch(() => {});
    throw error;
  }
}

/** "3 nye, 1 endret, 12 uendret": the import's summary in one line. */
export function summaryLine(counts: PlanCounts): string {
  return `${counts.eventsCreated} nye, ${counts.eventsCorrected} endret, ${counts.eventsUnchanged} uendret`;
}
