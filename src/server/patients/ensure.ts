import "server-only";
import { fromIsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { fieldErrorsFrom, ValidationError } from "@/server/errors";
import { ensurePatientBody } from "@/server/referrals/operations";
import { lookUpPatient } from "./lookup";

/**
 * POST /api/v1/patients: the patient with this national id, registered now
 * when new (created: true). An existing patient's name is never changed. The
 * lookup is audited like every other (PATIENT_LOOKUP), a new patient too.
 */
export async function ensurePatient(actor: Actor, input: unknown): Promise<{ id: string; created: boolean }> {
  assertCan(actor.user, "patient.create");
  const parsed = ensurePatientBody.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  const { nationalId, name } = parsed.data;
  const existing = await lookUpPatient(actor, nationalId.value, { purpose: "patient.create" });
  if (existing) return { id: existing.id, created: false };
  try {
    return await prisma.$transaction(async (tx) => {
      const patient = await tx.patient.create({
        data: { nationalId: nationalId.value, name, birthDate: fromIsoDate(nationalId.birthDate) },
        select: { id: true },
      });
      await writeAudit(tx, { userId: actor.user.id, action: "PATIENT_CREATED", patientId: patient.id }, actor.meta);
      return { id: patient.id, created: true };
    });
  } catch (error) {
    // registered by another request since the lookup: the same answer as a repeat
    if (isUniqueViolation(error)) {
      const now = await lookUpPatient(actor, nationalId.value, { purpose: "patient.create" });
      if (now) return { id: now.id, created: false };
    }
    throw error;
  }
}
