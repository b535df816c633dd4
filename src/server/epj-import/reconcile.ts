import "server-only";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";
import { auditImportView, patientsOf } from "./shown";

// Reconciliation for units whose codes the EPJ holds (issue 19): what differs
// between the app and the EPJ since the last import – the events stored here
// that the last extract did not hold ("finnes ikke i uttrekket", from the
// stored import job), and the codes registered in the app after it (none
// while the app's coding is off; those from before the unit switched). It
// names patients by their records (the EPJ's pathway keys, codes and dates):
// one audit row per view names them (shown.ts).

const MAX_LISTED = 200;

export interface Reconciliation {
  unitId: string;
  unitName: string;
  lastImport: { finishedAt: string; fileName: string; counts: Record<string, number> } | null;
  missing: { pathwayId: string; eventId: string }[];
  registeredHere: { pathwayKey: string; code: string; outcome: string | null; date: IsoDate }[];
}

export async function reconciliationsFor(actor: Actor): Promise<Reconciliation[]> {
  assertCan(actor.user, "epj.import");
  const units = await prisma.unit.findMany({
    where: { id: { in: actor.user.unitIds }, codesRecordedIn: "EPJ" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const shown = await Promise.all(
    units.map(async (unit) => {
      const job = await prisma.importJob.findFirst({
        where: { unitId: unit.id, status: "DONE" },
        orderBy: { finishedAt: "desc" },
        select: { finishedAt: true, fileName: true, result: true },
      });
      const result = (job?.result ?? null) as { counts?: Record<string, number>; missing?: { pathwayId: string; eventId: string }[] } | null;
      const events = await prisma.pathwayEvent.findMany({
        where: { pathway: { unitId: unit.id }, externalId: null, annulledAt: null, ...(job?.finishedAt ? { recordedAt: { gt: job.finishedAt } } : {}) },
        orderBy: [{ clinicalDate: "asc" }, { recordedAt: "asc" }],
        take: MAX_LISTED,
        select: { code: true, outcome: true, clinicalDate: true, pathway: { select: { id: true, externalId: true, type: true, patientId: true } } },
      });
      const missing = (result?.missing ?? []).slice(0, MAX_LISTED);
      const patientIds = [...(await patientsOf(unit.id, { externalIds: missing.map((m) => m.pathwayId) })), ...events.map((e) => e.pathway.patientId)];
      const reconciliation: Reconciliation = {
        unitId: unit.id,
        unitName: unit.name,
        lastImport: job?.finishedAt ? { finishedAt: job.finishedAt.toISOString(), fileName: job.fileName, counts: result?.counts ?? {} } : null,
        missing,
        registeredHere: events.map((e) => ({ pathwayKey: e.pathway.externalId ?? e.pathway.id, code: `${e.pathway.type}${e.code}`, outcome: e.outcome, date: toIsoDate(e.clinicalDate) })),
      };
      return { reconciliation, patientIds };
    }),
  );
  await auditImportView(actor, "import-reconciliation", shown.flatMap((s) => s.patientIds), { unitIds: units.map((u) => u.id) });
  return shown.map((s) => s.reconciliation);
}
