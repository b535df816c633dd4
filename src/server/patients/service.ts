import "server-only";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { ConflictError, ValidationError, fieldErrorsFrom } from "@/server/errors";
import { fromIsoDate } from "@/lib/dates";
import { createPatientSchema, type CreatePatientInput } from "./schema";
import { lookUpPatient } from "./lookup";

/** Registers a patient; the national id is validated (both mod-11 check digits). */
export async function createPatient(actor: Actor, input: CreatePatientInput) {
  assertCan(actor.user, "patient.create");
  const parsed = createPatientSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  const { nationalId, name } = parsed.data;
  // No page or route calls this today: its answer tells whether the id is known
  // (only the new-pathway flow answers alike, see link.ts), so the lookup is
  // audited like every other.
  const existing = await lookUpPatient(actor, nationalId.value, { purpose: "patient.create" });
  if (existing) throw new ConflictError("patient_exists", "Det finnes allerede en pasient med dette fødselsnummeret.");
  return prisma.$transaction(async (tx) => {
    const patient = await tx.patient.create({
      data: { nationalId: nationalId.value, name, birthDate: fromIsoDate(nationalId.birthDate) },
    });
    await writeAudit(tx, { userId: actor.user.id, action: "PATIENT_CREATED", patientId: patient.id }, actor.meta);
    return patient;
  });
}
