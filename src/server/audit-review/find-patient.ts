import "server-only";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";

// The national id typed into the review's search form, sent by POST: resolved
// here to the patient's internal id, which the result page's address carries
// instead. A national id that is no patient gets the same neutral "Ingen treff"
// as a patient nobody has seen, and its search is audited here (the result
// page audits a search that found the patient). The national id is stored in
// no audit row (see patients/lookup.ts).

export async function findPatientForReview(actor: Actor, nationalId: string): Promise<string | null> {
  assertCan(actor.user, "audit.read");
  const patient = await prisma.patient.findUnique({ where: { nationalId }, select: { id: true } });
  if (!patient) {
    await writeAudit(prisma, { userId: actor.user.id, action: "AUDIT_SEARCHED", detail: { byPatient: true, matched: false, rows: 0 } }, actor.meta);
  }
  return patient?.id ?? null;
}
