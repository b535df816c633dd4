import "server-only";
import { z } from "@/lib/zod";
import type { Actor } from "@/server/auth/current-user";
import { assertCan } from "@/server/auth/assert";
import { prisma } from "@/server/db";
import { isRecordId } from "@/lib/record-id";
import { auditImportView, patientsOf } from "./shown";

// An import job as the page and the API show it (status, progress, report),
// read only within the actor's units. The report names patients by their
// records (refusals, events "finnes ikke i uttrekket"): showing it writes an
// audit row naming them (shown.ts), with the patients the job stored with it.

const reportSchema = z.object({
  counts: z.record(z.string(), z.number()),
  refused: z.array(z.object({ line: z.number(), column: z.string(), message: z.string() })),
  missing: z.array(z.object({ pathwayId: z.string(), eventId: z.string() })),
  /** jobs finished before the patients were stored with the report have none (then found from `missing`) */
  shownPatientIds: z.array(z.string()).optional(),
});

export async function importJobFor(actor: Actor, jobId: string) {
  assertCan(actor.user, "epj.import");
  // ?jobb= is typed by anyone: a NUL byte or a path never reaches the database (it was a 500)
  if (!isRecordId(jobId)) return null;
  const job = await prisma.importJob.findFirst({
    where: { id: jobId, unitId: { in: actor.user.unitIds } },
    select: { id: true, unitId: true, status: true, fileName: true, rowsDone: true, rowsTotal: true, pathwaysDone: true, pathwaysTotal: true, result: true, error: true, createdAt: true, finishedAt: true, unit: { select: { name: true } } },
  });
  if (!job) return null;
  const parsed = job.result ? reportSchema.safeParse(job.result) : null;
  const report = parsed?.success ? parsed.data : null;
  // the stored patients never leave the server (the page hands the job to a client component)
  const result = job.result && typeof job.result === "object" && !Array.isArray(job.result) ? { ...job.result, shownPatientIds: undefined } : job.result;
  return {
    ...job,
    result,
    unitName: job.unit.name,
    report: report ? { counts: report.counts, refused: report.refused, missing: report.missing } : null,
    shownPatientIds: report?.shownPatientIds ?? null,
  };
}
export type ImportJobView = Omit<NonNullable<Awaited<ReturnType<typeof importJobFor>>>, "shownPatientIds">;

/** The job as a response shows it (the page /import?jobb=, GET /api/v1/imports/{id}), its report's patients audited. */
export async function importJobShown(actor: Actor, jobId: string): Promise<ImportJobView | null> {
  const found = await importJobFor(actor, jobId);
  if (!found) return null;
  const { shownPatientIds, ...job } = found;
  if (job.report) {
    const patientIds = shownPatientIds ?? (await patientsOf(job.unitId, { externalIds: job.report.missing.map((m) => m.pathwayId) }));
    await auditImportView(actor, "import-job", patientIds, { unitId: job.unitId, importJobId: job.id });
  }
  return job;
}
