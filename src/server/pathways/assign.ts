import "server-only";
import { z } from "@/lib/zod";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { pathwayScope } from "@/server/auth/scope";
import { ValidationError } from "@/server/errors";
import { auditingDenials, OutOfScope } from "@/server/access-denied";
import { assignSchema } from "@/server/worklist/schemas";

/**
 * Assign or change the responsible clinician: the pathway, its worklist rows
 * and the audit row change together.
 */
export async function assignClinician(actor: Actor, input: z.input<typeof assignSchema>) {
  assertCan(actor.user, "pathway.assign");
  const { pathwayId, clinicianId } = assignSchema.parse(input);
  return auditingDenials(actor, "pathway.assign", () => prisma.$transaction(async (tx) => {
    const pathway = await tx.pathway.findFirst({
      where: { id: pathwayId, ...pathwayScope(actor.user) },
      select: { id: true, unitId: true, patientId: true, responsibleClinicianId: true },
    });
    if (!pathway) throw new OutOfScope({ kind: "pathway", id: pathwayId }, "Fant ikke forløpet, eller det hører til en enhet du ikke har tilgang til.");
    if (clinicianId) {
      const clinician = await tx.user.findFirst({
        where: { id: clinicianId, active: true, role: { in: ["CLINICIAN", "COORDINATOR"] }, units: { some: { unitId: pathway.unitId } } },
        select: { id: true },
      });
      if (!clinician) throw new ValidationError({ clinicianId: ["Velg en aktiv behandler ved forløpets enhet."] });
    }
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
    return { pathwayId: pathway.id, clinicianId };
  }));
}
