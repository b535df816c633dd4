import "server-only";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/current-user";

// Finding a patient by national id tells whether that person is a patient
// anywhere, so every lookup leaves an audit row of its own: written and
// committed before the caller's transaction, it stays when that transaction
// fails or rolls back. The row names the matched patient (patientId) and says
// whether one matched. The national id itself is not stored in it: 11 digits
// with check digits are few enough to invert any hash, and the patient id
// names the person where one matched.

export interface PatientMatch {
  id: string;
  name: string;
}

export async function lookUpPatient(
  actor: Actor,
  nationalId: string,
  purpose: { purpose: "pathway.create" | "patient.create" | "referral.create"; unitId?: string },
): Promise<PatientMatch | null> {
  const patient = await prisma.patient.findUnique({ where: { nationalId }, select: { id: true, name: true } });
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "PATIENT_LOOKUP", patientId: patient?.id ?? null, detail: { ...purpose, matched: patient !== null } },
    actor.meta,
  );
  return patient;
}
