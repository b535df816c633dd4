import "server-only";
import { EpjCsvFileError } from "@/lib/epj-csv";
import type { IsoDate } from "@/lib/dates";
import type { Actor } from "@/server/auth/current-user";
import { AppError, NotFoundError } from "@/server/errors";
import { importJobShown } from "./job";
import { importReportSchema } from "./schema";
import { importUnit, planFileShown, readImportFile, reportOf, runImportJob, startImportJob, type ImportFile, type ImportReport } from "./run";

// The import API's door (POST /api/v1/units/{unitId}/imports, GET
// /api/v1/imports/{id}): the same service as the page /import and
// `npm run import`, for the EPJ's machine client (scope import:write) or a
// coordinator's session, within their units.

export type StartedImport = { dryRun: true; report: ImportReport } | { dryRun: false; id: string; status: "RUNNING" };

/** The dry run's report, or the started job (the import runs on in the background, as from the page). */
export async function startImportApi(
  actor: Actor,
  unitId: string,
  bytes: Uint8Array,
  options: { dryRun: boolean; fileName?: string; migrate?: boolean },
  today: IsoDate,
): Promise<StartedImport> {
  // the unit by its id only (importUnit also takes a name, for the CLI)
  if (!actor.user.unitIds.includes(unitId)) throw new NotFoundError("Fant ikke enheten, eller du har ikke tilgang til den.");
  const unit = await importUnit(actor, unitId);
  const file = await readOrRefuse(bytes);
  // the report (refusals, missing events) names patients: audited as the page's plan is (shown.ts)
  if (options.dryRun) return { dryRun: true, report: reportOf(await planFileShown(actor, unit.id, file, today, { pathwayList: false }), true) };
  const id = await startImportJob(actor, unit, options.fileName ?? "uttrekk.csv", file.sha256, { migrate: options.migrate });
  // in the background: the caller follows the job's stored progress (GET /api/v1/imports/{id})
  void runImportJob(actor, id, file, today).catch(() => {});
  return { dryRun: false, id, status: "RUNNING" };
}

/** An unusable file is the caller's to mend: 422 naming the line(s). */
async function readOrRefuse(bytes: Uint8Array): Promise<ImportFile> {
  try {
    return await readImportFile(bytes);
  } catch (error) {
    if (!(error instanceof EpjCsvFileError)) throw error;
    throw new AppError(422, "file_unusable", `Filen kan ikke brukes. ${error.message}`, { file: error.problems.map((p) => `Linje ${p.line}: ${p.message}`) });
  }
}

/** A job of the actor's units as the API shows it; 404 for any other. */
export async function importJobApi(actor: Actor, jobId: string) {
  const job = await importJobShown(actor, jobId);
  if (!job) throw new NotFoundError("Fant ikke importen, eller den hører til en enhet du ikke har tilgang til.");
  // the stored report is the one runImportJob returned (dryRun false); the schema drops the patients stored with it
  const report = job.result ? importReportSchema.safeParse(job.result) : null;
  return {
    id: job.id,
    unitId: job.unitId,
    fileName: job.fileName,
    status: job.status,
    progress: { rowsDone: job.rowsDone, rowsTotal: job.rowsTotal, pathwaysDone: job.pathwaysDone, pathwaysTotal: job.pathwaysTotal },
    result: report?.success ? report.data : null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
