import "server-only";
import { assertUnitTakesNew } from "@/server/units/active";
import { fromIsoDate, type IsoDate } from "@/lib/dates";
import { lookUpPatient } from "@/server/patients/lookup";
import { patientForNewPathway } from "@/server/patients/link";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { CodesRecordedInEpj } from "@/server/units/codes-recorded-in";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { AppError, NotFoundError, ValidationError, fieldErrorsFrom } from "@/server/errors";
import { createCheckedEvent } from "@/server/events/register";
import { previewStart } from "@/domain/events/start-preview";
import { recomputeDerived } from "./derived";
import { currentRuleTables } from "@/server/rule-tables/load";
import { SETTING_TO_ENGINE } from "./engine-input";
import { createPathwaySchema, type CreatePathwayInput } from "./create-schema";
import { assertMayBeResponsible } from "@/server/users/responsible";

/** A second open pathway of the same type for the same patient: NPR would read them as one. */
export class PathwayAlreadyOpen extends AppError {
  constructor(public readonly existingPathwayId: string) {
    super(409, "pathway_already_open", "Pasienten har allerede et åpent forløp av denne typen. Fortsett i det eksisterende forløpet.");
  }
}

/** The referral was assessed after its deadline (or the start gives a notice) and no justification was given. */
export class LateAssessmentNeedsJustification extends AppError {
  constructor(reason: string) {
    super(422, "justification_required", reason, { justification: ["Skriv en kort begrunnelse."] });
  }
}

/**
 * Starts a pathway from a referral: the patient (found by national id through
 * the audited lookup and link step, or registered), the referral, the pathway
 * and, when the referral is assessed, the start code A on the assessment date.
 * One transaction, audited (the lookup's own audit row is committed first).
 */
export async function createPathway(actor: Actor, input: CreatePathwayInput, today: IsoDate) {
  assertCan(actor.user, "pathway.create");
  const parsed = createPathwaySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  const data = parsed.data;
  if (data.referralReceived > today) throw new ValidationError({ referralReceived: ["Datoen kan ikke være i fremtiden."] });
  if (data.assessedDate && data.assessedDate > today) throw new ValidationError({ assessedDate: ["Datoen kan ikke være i fremtiden."] });
  if (!actor.user.unitIds.includes(data.unitId)) throw new NotFoundError("Fant ikke enheten.");

  // From here on every answer must be the same whether or not the id is a
  // patient elsewhere (see patients/link.ts); the lookup is audited on its own.
  const match = await lookUpPatient(actor, data.nationalId.value, { purpose: "pathway.create", unitId: data.unitId });

  return prisma.$transaction(async (tx) => {
    await assertUnitTakesNew(tx, data.unitId);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: data.unitId } });
    // a unit whose codes the EPJ holds gets its pathways from the import
    if (unit.codesRecordedIn === "EPJ") throw new CodesRecordedInEpj(unit.name);
    if (!unit.pathwayTypes.includes(data.type)) {
      throw new ValidationError({ type: [`${unit.name} har ikke pakkeforløp ${data.type}.`] });
    }
    // the form's preview said so before sending (NewPathwayForm); refused in the same words
    if (data.assessedDate && !data.justification) {
      const start = previewStart(
        { type: data.type, setting: SETTING_TO_ENGINE[data.setting ?? unit.setting], referralReceived: data.referralReceived, assessedDate: data.assessedDate, directTreatmentRight: data.directTreatmentRight, severe: data.severe },
        today,
        await currentRuleTables(tx),
      );
      if (start.justificationReason) throw new LateAssessmentNeedsJustification(start.justificationReason);
    }
    if (data.responsibleClinicianId) {
      await assertMayBeResponsible(tx, data.responsibleClinicianId, unit.id, "responsibleClinicianId", "Behandleren finnes ikke i enheten.");
    }

    const patient = await patientForNewPathway(tx, actor, match, {
      nationalId: data.nationalId.value,
      birthDate: data.nationalId.birthDate,
      name: data.patientName,
    });

    const open = await tx.pathway.findFirst({
      where: { patientId: patient.patientId, type: data.type, status: "OPEN", unitId: { in: actor.user.unitIds } },
      select: { id: true },
    });
    if (open) throw new PathwayAlreadyOpen(open.id);

    const referral = await tx.referral.create({
      data: {
        unitId: unit.id,
        patientId: patient.patientId,
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
        patientId: patient.patientId,
        recordedPatientName: patient.recordedPatientName,
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
      { userId: actor.user.id, action: "PATHWAY_CREATED", patientId: patient.patientId, pathwayId: pathway.id, detail: { type: data.type, referralId: referral.id } },
      actor.meta,
    );
    if (patient.link) {
      await writeAudit(
        tx,
        { userId: actor.user.id, action: "PATIENT_LINKED", patientId: patient.patientId, pathwayId: pathway.id, detail: { unitId: unit.id, ...patient.link } },
        actor.meta,
      );
    }
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
    return { pathwayId: pathway.id, patientId: patient.patientId };
  });
}
