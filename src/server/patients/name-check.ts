import "server-only";
import { samePatientName } from "@/domain/patient-name";
import { isRecordId } from "@/lib/record-id";
import { z } from "@/lib/zod";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { ValidationError, fieldErrorsFrom } from "@/server/errors";
import { auditingDenials, OutOfScope } from "@/server/access-denied";

// The coordinator's step for a name discrepancy left by the link step
// (link.ts): after checking the Folkeregister, the coordinator enters the
// patient's name. When it matches the registered name, the discrepancy is
// resolved and the pathway shows the registered name (the one just typed, so
// nothing new is shown). Otherwise the entered name is kept for this pathway
// and the discrepancy stays: the registered name is another unit's to
// correct. Every check is audited (PATIENT_LINKED, `check: true`), so repeated
// guessing at another unit's spelling leaves a row per try.

export const nameCheckSchema = z.object({
  pathwayId: z.string().refine(isRecordId, "Ugyldig forløp."),
  name: z
    .string({ error: "Skriv inn pasientens fulle navn." })
    .trim()
    .min(2, "Skriv inn pasientens fulle navn.")
    .max(200, "Navnet er for langt (høyst 200 tegn).")
    .refine((v) => !v.includes("\u0000"), "Navnet inneholder et ugyldig tegn."),
});

export async function checkPatientName(actor: Actor, input: unknown): Promise<{ resolved: boolean }> {
  assertCan(actor.user, "patient.name.check");
  const parsed = nameCheckSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  const { pathwayId, name } = parsed.data;
  // another unit's pathway is a 404 like any other, and audited as ACCESS_DENIED
  return auditingDenials(actor, "patient.name.check", () => prisma.$transaction(async (tx) => {
    const pathway = await tx.pathway.findFirst({
      where: { id: pathwayId, unitId: { in: actor.user.unitIds }, recordedPatientName: { not: null } },
      select: { id: true, unitId: true, patientId: true, patient: { select: { name: true } } },
    });
    if (!pathway) throw new OutOfScope({ kind: "pathway", id: pathwayId }, "Fant ikke et forløp med navn som skal kontrolleres.");
    const resolved = samePatientName(name, pathway.patient.name);
    await tx.pathway.update({ where: { id: pathway.id }, data: { recordedPatientName: resolved ? null : name } });
    await writeAudit(
      tx,
      { userId: actor.user.id, action: "PATIENT_LINKED", patientId: pathway.patientId, pathwayId: pathway.id, detail: { unitId: pathway.unitId, nameMatched: resolved, check: true } },
      actor.meta,
    );
    return { resolved };
  }));
}
