import "server-only";
import { maskNationalId } from "@/domain/national-id";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";
import { referralState } from "./list";
import { auditingReferralDenials, ReferralOutOfScope } from "./scope";

/** One referral with its assessment history, for the assessment page (audited). */
export async function getReferral(actor: Actor, referralId: string, today: IsoDate) {
  assertCan(actor.user, "referral.read");
  return auditingReferralDenials(actor, "referral.read", async () => {
    const r = await prisma.referral.findFirst({
      where: { id: referralId, unitId: { in: actor.user.unitIds } },
      include: {
        unit: { select: { id: true, name: true, setting: true, pathwayTypes: true } },
        patient: { select: { id: true, name: true, nationalId: true, birthDate: true } },
        pathways: { select: { id: true, type: true, phase: true, responsibleClinician: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
        assessments: { orderBy: { recordedAt: "asc" } },
      },
    });
    if (!r) throw new ReferralOutOfScope(referralId);
    const people = await prisma.user.findMany({
      where: { id: { in: [...new Set(r.assessments.map((a) => a.recordedById))] } },
      select: { id: true, name: true },
    });
    const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "Ukjent bruker";
    await writeAudit(prisma, { userId: actor.user.id, action: "REFERRAL_VIEWED", patientId: r.patientId, detail: { referralId } }, actor.meta);
    return {
      id: r.id,
      unit: r.unit,
      patient: { id: r.patient.id, name: r.recordedPatientName ?? r.patient.name, maskedNationalId: maskNationalId(r.patient.nationalId) },
      ...referralState(r, today),
      referrerName: r.referrerName,
      referrerHpr: r.referrerHpr,
      suggestedType: r.suggestedType,
      note: r.note,
      decision: r.decision,
      assessedDate: r.assessedDate ? toIsoDate(r.assessedDate) : null,
      legalDeadline: r.legalDeadline ? toIsoDate(r.legalDeadline) : null,
      decisionReason: r.decisionReason,
      pathways: r.pathways,
      /** a pathway made before the referral flow that the assessment will start */
      waitingPathwayId: r.pathways.find((p) => p.phase === "awaiting_start")?.id ?? null,
      history: r.assessments.map((a) => ({
        id: a.id,
        assessedDate: toIsoDate(a.assessedDate),
        decision: a.decision,
        legalDeadline: a.legalDeadline ? toIsoDate(a.legalDeadline) : null,
        reason: a.reason,
        recordedBy: nameOf(a.recordedById),
        recordedAt: a.recordedAt.toISOString(),
        correction: a.correctsId ? { reason: a.correctionReason } : null,
      })),
    };
  });
}
export type ReferralDetail = Awaited<ReturnType<typeof getReferral>>;
