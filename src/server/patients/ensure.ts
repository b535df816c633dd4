import "server-only";
import { fromIsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import type { z } from "@/lib/zod";
import { knownInUnits } from "./known-in-units";
import { lookUpPatient } from "./lookup";
import type { createPatientSchema } from "./schema";

/**
 * POST /api/v1/patients: the patient with this national id, registered now
 * when new. An existing patient's name is never changed. `created` is false
 * only for a patient the caller's units already know (a referral there): a
 * patient known only in other units answers exactly as a new one, so the
 * answer never tells whether a national id is a patient elsewhere (see
 * link.ts). The lookup is audited like every other (PATIENT_LOOKUP), a new
 * patient too. The body comes parsed (ensure.operation.ts).
 */
export async function ensurePatient(
  actor: Actor,
  { nationalId, name }: z.output<typeof createPatientSchema>,
): Promise<{ id: string; created: boolean }> {
  assertCan(actor.user, "patient.create");
  const existing = await lookUpPatient(actor, nationalId.value, { purpose: "patient.create" });
  if (existing) return { id: existing.id, created: !(await knownInUnits(actor, existing.id)) };
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
      if (now) return { id: now.id, created: !(await knownInUnits(actor, now.id)) };
    }
    throw error;
  }
}
