import "server-only";
import type { ImportPlan } from "@/domain/epj-import/plan";
import { writeAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";

// Every view of an import names patients by their records (the stored
// pathways of a plan, events "finnes ikke i uttrekket", refusals that give a
// stored record away, codes registered here): like any list of patients
// (pathways/list.ts, worklist/query.ts) the response writes one
// PATIENT_LIST_VIEWED row naming exactly those patients. Nothing is written
// when a view names no stored patient (a plan of new pathways only).

export type ImportView = "import-plan" | "import-job" | "import-reconciliation";

/** What a view names: the unit's pathways by their EPJ key, pathways by id (any unit: a refusal names another's), patients by national id. */
export interface ShownKeys {
  externalIds?: readonly string[];
  pathwayIds?: readonly string[];
  nationalIds?: readonly string[];
}

/** The patients behind the keys (each read once, whatever the order). */
export async function patientsOf(unitId: string, keys: ShownKeys): Promise<string[]> {
  const externalIds = [...new Set(keys.externalIds ?? [])];
  const pathwayIds = [...new Set(keys.pathwayIds ?? [])];
  const nationalIds = [...new Set(keys.nationalIds ?? [])];
  const [byKey, byId, byNid] = await Promise.all([
    externalIds.length ? prisma.pathway.findMany({ where: { unitId, externalId: { in: externalIds } }, select: { patientId: true } }) : [],
    pathwayIds.length ? prisma.pathway.findMany({ where: { id: { in: pathwayIds } }, select: { patientId: true } }) : [],
    nationalIds.length ? prisma.patient.findMany({ where: { nationalId: { in: nationalIds } }, select: { id: true } }) : [],
  ]);
  return [...new Set([...byKey.map((p) => p.patientId), ...byId.map((p) => p.patientId), ...byNid.map((p) => p.id)])].sort();
}

/**
 * The keys a plan's view names. `pathwayList`: the view lists the file's
 * pathways with what happens to the stored ones (the page, the CLI's table);
 * the report alone (the API, --format json) names the refusals and the
 * missing events only.
 */
export function planKeys(plan: Pick<ImportPlan, "pathways" | "missing" | "disclosed">, options: { pathwayList: boolean }): ShownKeys {
  const stored = options.pathwayList ? plan.pathways.flatMap((p) => (p.storedId ? [p.storedId] : [])) : [];
  return {
    externalIds: plan.missing.map((m) => m.pathwayId),
    pathwayIds: [...stored, ...plan.disclosed.pathwayIds],
    nationalIds: plan.disclosed.nationalIds,
  };
}

/** One audit row naming the patients a view of the import shows; none when it shows none. */
export async function auditImportView(actor: Actor, view: ImportView, patientIds: readonly string[], detail: Record<string, string | number | boolean | string[]>): Promise<void> {
  if (patientIds.length === 0) return;
  await writeAudit(prisma, { userId: actor.user.id, action: "PATIENT_LIST_VIEWED", patientIds, detail: { list: view, ...detail, count: new Set(patientIds).size } }, actor.meta);
}
