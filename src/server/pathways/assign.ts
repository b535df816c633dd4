import "server-only";
import { z } from "@/lib/zod";
import { prisma, type Tx } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { pathwayScope } from "@/server/auth/scope";
import { auditingDenials, OutOfScope } from "@/server/access-denied";
import { assertMayBeResponsible } from "@/server/users/responsible";
import { assignSchema, bulkAssignSchema } from "@/server/worklist/schemas";

/**
 * Assign or change the responsible clinician: the pathway, its worklist rows
 * and the audit row change together. One pathway (the pathway page, a
 * worklist row) or many selected worklist rows at once: one transaction either
 * way, one audit row per pathway.
 */

type ScopedPathway = { id: string; unitId: string; patientId: string; responsibleClinicianId: string | null };
const pathwaySelect = { id: true, unitId: true, patientId: true, responsibleClinicianId: true } as const;

/** The change itself, inside the caller's transaction; the clinician was checked for the pathway's unit. */
async function reassign(tx: Tx, actor: Actor, pathway: ScopedPathway, clinicianId: string | null) {
  // "newly assigned" notifications (Varsler) count from here, unless one assigns oneself
  const assignedAt = clinicianId && clinicianId !== actor.user.id && clinicianId !== pathway.responsibleClinicianId ? new Date() : undefined;
  await tx.pathway.update({ where: { id: pathway.id }, data: { responsibleClinicianId: clinicianId, responsibleAssignedAt: assignedAt, derivedDigest: null } });
  await tx.worklistItem.updateMany({ where: { pathwayId: pathway.id }, data: { responsibleClinicianId: clinicianId } });
  await writeAudit(
    tx,
    {
      userId: actor.user.id,
      action: "PATHWAY_ASSIGNED",
      patientId: pathway.patientId,
      pathwayId: pathway.id,
      detail: { from: pathway.responsibleClinicianId, to: clinicianId },
    },
    actor.meta,
  );
}

export async function assignClinician(actor: Actor, input: z.input<typeof assignSchema>) {
  assertCan(actor.user, "pathway.assign");
  const { pathwayId, clinicianId } = assignSchema.parse(input);
  return auditingDenials(actor, "pathway.assign", () => prisma.$transaction(async (tx) => {
    const pathway = await tx.pathway.findFirst({ where: { id: pathwayId, ...pathwayScope(actor.user) }, select: pathwaySelect });
    if (!pathway) throw new OutOfScope({ kind: "pathway", id: pathwayId }, "Fant ikke forløpet, eller det hører til en enhet du ikke har tilgang til.");
    if (clinicianId) await assertMayBeResponsible(tx, clinicianId, pathway.unitId, "clinicianId", "Velg en aktiv behandler ved forløpets enhet.");
    await reassign(tx, actor, pathway, clinicianId);
    return { pathwayId: pathway.id, clinicianId };
  }));
}

/**
 * The same for the worklist's selected rows: all or none. A pathway outside
 * the caller's units is a 404 (audited as denied) and nothing changes; so is a
 * clinician who may not be responsible at any one of the pathways' units.
 */
export async function assignClinicianBulk(actor: Actor, input: z.input<typeof bulkAssignSchema>) {
  assertCan(actor.user, "pathway.assign");
  const { pathwayIds, clinicianId } = bulkAssignSchema.parse(input);
  return auditingDenials(actor, "pathway.assign", () => prisma.$transaction(async (tx) => {
    const pathways = await tx.pathway.findMany({ where: { id: { in: pathwayIds }, ...pathwayScope(actor.user) }, select: pathwaySelect });
    const found = new Map(pathways.map((p) => [p.id, p]));
    const missing = pathwayIds.find((id) => !found.has(id));
    if (missing) throw new OutOfScope({ kind: "pathway", id: missing }, "Fant ikke alle forløpene, eller noen hører til en enhet du ikke har tilgang til. Ingen er endret.");
    for (const unitId of new Set(pathways.map((p) => p.unitId))) {
      await assertMayBeResponsible(tx, clinicianId, unitId, "clinicianId", "Behandleren hører ikke til enheten til alle de valgte forløpene. Ingen er endret.");
    }
    // in the order given: the audit rows read as the user chose
    for (const id of pathwayIds) await reassign(tx, actor, found.get(id)!, clinicianId);
    return { pathwayIds, clinicianId, count: pathwayIds.length };
  }));
}
