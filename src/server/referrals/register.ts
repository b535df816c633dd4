import "server-only";
import { assertUnitTakesNew } from "@/server/units/active";
import { knownInUnits } from "@/server/patients/known-in-units";
import { referralDueDate } from "@/domain/referrals";
import { fromIsoDate, toIsoDate, type IsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { patientForNewPathway } from "@/server/patients/link";
import { lookUpPatient } from "@/server/patients/lookup";
import type { RegisterReferralData } from "./schema";
import { UNASSESSED } from "./scope";

/** The patient already has a referral at the unit that is not assessed: saved only when the user confirms. */
export class ReferralDuplicate extends AppError {
  constructor(readonly existingReferralId: string) {
    super(
      409,
      "referral_duplicate",
      "Pasienten har allerede en henvisning til denne enheten som ikke er vurdert. Se den først, eller bekreft at dette er en ny henvisning.",
    );
  }
}

export interface RegisteredReferral {
  id: string;
  patientId: string;
  dueDate: IsoDate;
  /** a repeat of an earlier registration (same idempotency key): nothing new was stored */
  duplicate: boolean;
}

/**
 * Registers a referral (henvisning) for a patient found by national id or
 * registered now, at one of the user's units. The lookup is audited on its own
 * (committed first); patient, referral and their audit rows are one transaction.
 * The input comes parsed by registerReferralBody (the operation, the form's action).
 */
export async function registerReferral(actor: Actor, data: RegisterReferralData, today: IsoDate): Promise<RegisteredReferral> {
  assertCan(actor.user, "referral.write");
  if (data.receivedDate > today) throw new ValidationError({ receivedDate: ["Mottaksdatoen kan ikke være i fremtiden."] });
  if (!actor.user.unitIds.includes(data.unitId)) throw new NotFoundError("Fant ikke enheten.");

  if (data.idempotencyKey) {
    const earlier = await repeatOf(actor, data.idempotencyKey);
    if (earlier) return earlier;
  }
  const match = await lookUpPatient(actor, data.nationalId.value, { purpose: "referral.create", unitId: data.unitId });
  // Without a typed name only a patient the unit's own referrals know may be
  // named from the register: another unit's name is never taken over (and
  // shown), and an id known only elsewhere gets the same answer as an unknown one.
  if (!data.patientName && !(match && (await knownInUnits(actor, match.id)))) {
    throw new ValidationError({ patientName: ["Skriv inn pasientens fulle navn."] });
  }

  try {
    return await prisma.$transaction(async (tx) => {
      await assertUnitTakesNew(tx, data.unitId);
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: data.unitId }, select: { id: true, name: true, pathwayTypes: true } });
      if (data.suggestedType && !unit.pathwayTypes.includes(data.suggestedType)) {
        throw new ValidationError({ suggestedType: [`${unit.name} har ikke pakkeforløp ${data.suggestedType}.`] });
      }
      const patient = await patientForNewPathway(tx, actor, match, {
        nationalId: data.nationalId.value,
        birthDate: data.nationalId.birthDate,
        // the register's own name only where the unit knows the patient (checked above)
        name: data.patientName ?? match!.name,
      });
      if (!data.confirmDuplicate) {
        const open = await tx.referral.findFirst({ where: { patientId: patient.patientId, unitId: unit.id, ...UNASSESSED }, select: { id: true } });
        if (open) throw new ReferralDuplicate(open.id);
      }
      const referral = await tx.referral.create({
        data: {
          unitId: unit.id,
          patientId: patient.patientId,
          receivedDate: fromIsoDate(data.receivedDate),
          referrerName: data.referrerName,
          referrerHpr: data.referrerHpr,
          suggestedType: data.suggestedType,
          note: data.note,
          recordedPatientName: patient.recordedPatientName,
          createdById: actor.user.id,
          idempotencyKey: data.idempotencyKey,
        },
        select: { id: true },
      });
      await writeAudit(
        tx,
        { userId: actor.user.id, action: "REFERRAL_CREATED", patientId: patient.patientId, detail: { referralId: referral.id, unitId: unit.id } },
        actor.meta,
      );
      if (patient.link) {
        await writeAudit(
          tx,
          { userId: actor.user.id, action: "PATIENT_LINKED", patientId: patient.patientId, detail: { unitId: unit.id, referralId: referral.id, ...patient.link } },
          actor.meta,
        );
      }
      return { id: referral.id, patientId: patient.patientId, dueDate: referralDueDate(data.receivedDate), duplicate: false };
    });
  } catch (error) {
    // the same key sent twice at once: the other request stored it
    if (data.idempotencyKey && isUniqueViolation(error)) {
      const earlier = await repeatOf(actor, data.idempotencyKey);
      if (earlier) return earlier;
      throw new ConflictError("idempotency_key_used", "Nøkkelen (idempotencyKey) er brukt for en annen registrering.");
    }
    throw error;
  }
}

async function repeatOf(actor: Actor, idempotencyKey: string): Promise<RegisteredReferral | null> {
  const earlier = await prisma.referral.findUnique({
    where: { createdById_idempotencyKey: { createdById: actor.user.id, idempotencyKey } },
    select: { id: true, patientId: true, unitId: true, receivedDate: true },
  });
  if (!earlier || !actor.user.unitIds.includes(earlier.unitId)) return null;
  return { id: earlier.id, patientId: earlier.patientId, dueDate: referralDueDate(toIsoDate(earlier.receivedDate)), duplicate: true };
}
