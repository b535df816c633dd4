import "server-only";
import { API_DECISIONS, assessmentProblems, closesReferral } from "@/domain/referrals";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { ConflictError, ValidationError } from "@/server/errors";
import { recomputeDerived } from "@/server/pathways/derived";
import { inReferralTransaction, storeAssessment } from "./record";
import type { CorrectAssessmentData } from "./schema";

/**
 * Corrects a referral's assessment: a new assessment row that names the one it
 * corrects, who and why; the earlier rows stay as they were (history). Once a
 * pathway has started from the referral, its start date is the pathway's (the
 * start code is corrected on the pathway page) and it can no longer be turned
 * into a closing decision here (the pathway is closed on its page).
 */
export async function correctAssessment(actor: Actor, referralId: string, data: CorrectAssessmentData, today: IsoDate) {
  assertCan(actor.user, "referral.write");
  const decision = API_DECISIONS[data.decision];

  return inReferralTransaction(actor, referralId, async (tx) => {
    const referral = await tx.referral.findUniqueOrThrow({
      where: { id: referralId },
      include: {
        pathways: { select: { id: true, openedDate: true }, orderBy: { createdAt: "asc" } },
        assessments: { select: { id: true, correctsId: true } },
      },
    });
    // the assessment in force is the one no later row corrects (the chain's head;
    // recordedAt is when a transaction began, so two corrections can commit in
    // the other order than their times say)
    const corrected = new Set(referral.assessments.map((a) => a.correctsId));
    const current = referral.assessments.find((a) => !corrected.has(a.id));
    if (!referral.assessedDate || !referral.decision) {
      throw new ConflictError("referral_not_assessed", "Henvisningen er ikke vurdert ennå: vurder den først.");
    }
    const problems = assessmentProblems(
      { assessedDate: data.assessedDate, decision, legalDeadline: data.legalDeadline, reason: data.reason, startsPathway: false },
      toIsoDate(referral.receivedDate),
      today,
    );
    const pathway = referral.pathways[0];
    if (pathway && data.assessedDate !== toIsoDate(referral.assessedDate)) {
      (problems.assessedDate ??= []).push("Vurderingsdatoen er forløpets startdato: rett startkoden (A) på forløpssiden.");
    }
    if (pathway && closesReferral(decision)) {
      (problems.decision ??= []).push("Et pakkeforløp er startet fra henvisningen: avslutt forløpet på forløpssiden.");
    }
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const unchanged =
      data.assessedDate === toIsoDate(referral.assessedDate) &&
      decision === referral.decision &&
      (data.legalDeadline ?? null) === (referral.legalDeadline ? toIsoDate(referral.legalDeadline) : null) &&
      (data.reason ?? null) === (referral.decisionReason ?? null);
    if (unchanged) throw new ValidationError({ _: ["Rettelsen endrer ingenting."] }, "Rettelsen endrer ingenting.");

    const assessmentId = await storeAssessment(tx, actor, referralId, {
      assessedDate: data.assessedDate,
      decision,
      legalDeadline: data.legalDeadline,
      reason: data.reason,
      pathwayId: pathway?.id ?? null,
      corrects: { id: current?.id ?? null, reason: data.correctionReason },
    });
    // the pathway's deadlines read the referral's legal deadline
    if (pathway) await recomputeDerived(tx, pathway.id, today);
    await writeAudit(
      tx,
      {
        userId: actor.user.id,
        action: "REFERRAL_ASSESSMENT_CORRECTED",
        patientId: referral.patientId,
        pathwayId: pathway?.id ?? null,
        detail: { referralId, assessmentId, from: { decision: referral.decision }, to: { decision } },
      },
      actor.meta,
    );
    return { referralId, assessmentId };
  });
}
