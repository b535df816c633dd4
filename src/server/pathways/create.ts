import "server-only";
import { fromIsoDate, type IsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { AppError, NotFoundError, ValidationError, fieldErrorsFrom } from "@/server/errors";
import { createCheckedEvent } from "@/server/events/register";
import { recomputeDerived } from "./derived";
import { createPathwaySchema, type CreatePathwayInput } from "./create-schema";

/** A second open pathway of the same type for the same patient: NPR would read them as one. */
export class PathwayAlreadyOpen extends AppError {
  constructor(public readonly existingPathwayId: string) {
    super(409, "pathway_already_open", "Pasienten har allerede et åpent forløp av denne typen. Fortsett i det eksisterende forløpet.");
  }
}

/**
 * Starts a pathway from a referral: the patient (found by national id or
 * registered), the referral, the pathway and, when the referral is assessed,
 * the start code A on the assessment date. One transaction, audited.
 */
export async function createPathway(actor: Actor, input: CreatePathwayInput, today: IsoDate) {
  assertCan(actor.user, "pathway.create");
  const parsed = createPathwaySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  const data = parsed.data;
  if (data.referralReceived > today) throw new ValidationError({ referralReceived: ["Datoen kan ikke være i fremtiden."] });
  if (data.assessedDate && data.assessedDate > today) throw new ValidationError({ assessedDate: ["Datoen kan ikke være i fremtiden."] });
  if (!actor.user.unitIds.includes(data.unitId)) throw new NotFoundError("Fant ikke enheten.");

  return prisma.$transaction(async (tx) => {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: data.unitId } });
    if (!unit.pathwayTypes.includes(data.type)) {
      throw new ValidationError({ type: [`${unit.name} har ikke pakkeforløp ${data.type}.`] });
    }
    if (data.responsibleClinicianId) {
      const clinician = await tx.userUnit.findFirst({
        where: { unitId: unit.id, userId: data.responsibleClinicianId, user: { active: true, role: { in: ["CLINICIAN", "COORDINATOR"] } } },
      });
      if (!clinician) throw new ValidationError({ responsibleClinicianId: ["Behandleren finnes ikke i enheten."] });
    }

    let patient = await tx.patient.findUnique({ where: { nationalId: data.nationalId.value } });
    if (!patient) {
      if (!data.patientName || data.patientName.length < 2) {
        throw new ValidationError({ patientName: ["Pasienten er ny: skriv inn fullt navn."] });
      }
      patient = await tx.patient.create({
        data: { nationalId: data.nationalId.value, name: data.patientName, birthDate: fromIsoDate(data.nationalId.birthDate) },
      });
      await writeAudit(tx, { userId: actor.user.id, action: "PATIENT_CREATED", patientId: patient.id }, actor.meta);
    }

    const open = await tx.pathway.findFirst({
      where: { patientId: patient.id, type: data.type, status: "OPEN", unitId: { in: actor.user.unitIds } },
      select: { id: true },
    });
    if (open) throw new PathwayAlreadyOpen(open.id);

    const referral = await tx.referral.create({
      data: {
        unitId: unit.id,
        patientId: patient.id,
        receivedDate: fromIsoDate(data.referralReceived),
        referrerName: data.referrerName,
        referrerHpr: data.referrerHpr,
        assessedDate: data.assessedDate ? fromIsoDate(data.assessedDate) : null,
        rightToCare: data.rightToCare,
      },
    });
    const pathway = await tx.pathway.create({
      data: {
        type: data.type,
        setting: data.setting ?? unit.setting,
        unitId: unit.id,
        patientId: patient.id,
        referralId: referral.id,
        responsibleClinicianId: data.responsibleClinicianId,
        coordinatorId: actor.user.role === "COORDINATOR" ? actor.user.id : null,
        openedDate: fromIsoDate(data.assessedDate ?? today),
        directTreatmentRight: data.directTreatmentRight,
        severe: data.severe,
      },
    });
    await writeAudit(
      tx,
      { userId: actor.user.id, action: "PATHWAY_CREATED", patientId: patient.id, pathwayId: pathway.id, detail: { type: data.type, referralId: referral.id } },
      actor.meta,
    );
    // The start code is dated the day the referral was assessed (current guide).
    if (data.assessedDate) {
      await createCheckedEvent(
        tx,
        actor,
        pathway.id,
        { code: "A", outcome: null, activityCode: null, date: data.assessedDate, justification: data.justification, idempotencyKey: null },
        today,
      );
    } else {
      await recomputeDerived(tx, pathway.id, today);
    }
    return { pathwayId: pathway.id, patientId: patient.id };
  });
}
