import "server-only";
import { z } from "@/lib/zod";
import type { Actor } from "@/server/auth/current-user";
import { assertCan } from "@/server/auth/assert";
import { prisma } from "@/server/db";
import { isRecordId } from "@/lib/record-id";

// An import job as the page shows it (status, progress, report), read only
// within the actor's units. No patient data: counts, line numbers, the EPJ's
// pathway keys and Norwegian reasons.

const reportSchema = z.object({
  counts: z.record(z.string(), z.number()),
  refused: z.array(z.object({ line: z.number(), column: z.string(), message: z.string() })),
  missing: z.array(z.object({ pathwayId: z.string(), eventId: z.string() })),
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
  const report = job.result ? reportSchema.safeParse(job.result) : null;
  return { ...job, unitName: job.unit.name, report: report?.success ? report.data : null };
}
export type ImportJobView = NonNullable<Awaited<ReturnType<typeof importJobFor>>>;
