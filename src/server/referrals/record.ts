import "server-only";
import type { ReferralDecision } from "@/domain/referrals";
import { fromIsoDate, type IsoDate } from "@/lib/dates";
import type { Actor } from "@/server/auth/current-user";
import { prisma, type Tx } from "@/server/db";
import { auditingReferralDenials, lockReferral } from "./scope";

// What assessing and correcting share: one transaction per user action with
// the referral row locked (two assessments of one referral never interleave),
// and the assessment stored as a new history row plus the referral's current
// columns (what lists and the rules engine read).

export function inReferralTransaction<T>(actor: Actor, referralId: string, run: (tx: Tx) => Promise<T>): Promise<T> {
  return auditingReferralDenials(actor, "referral.write", () =>
    prisma.$transaction(async (tx) => {
      await lockReferral(tx, actor, referralId);
      return run(tx);
    }),
  );
}

export interface StoredAssessment {
  assessedDate: IsoDate;
  decision: ReferralDecision;
  legalDeadline: IsoDate | null;
  reason: string | null;
  pathwayId: string | null;
  corrects?: { id: string | null; reason: string };
}

export async function storeAssessment(tx: Tx, actor: Actor, referralId: string, a: StoredAssessment): Promise<string> {
  const legalDeadline = a.legalDeadline ? fromIsoDate(a.legalDeadline) : null;
  const row = await tx.referralAssessment.create({
    data: {
      referralId,
      assessedDate: fromIsoDate(a.assessedDate),
      decision: a.decision,
      legalDeadline,
      reason: a.reason,
      pathwayId: a.pathwayId,
      recordedById: actor.user.id,
      correctsId: a.corrects?.id ?? null,
      correctionReason: a.corrects?.reason ?? null,
    },
    select: { id: true },
  });
  await tx.referral.update({
    where: { id: referralId },
    data: {
      assessedDate: fromIsoDate(a.assessedDate),
      decision: a.decision,
      rightToCare: a.decision === "RIGHT" ? true : a.decision === "NEED_NO_RIGHT" ? false : null,
      legalDeadline,
      decisionReason: a.reason,
      // who assessed it first; corrections are in the history
      ...(a.corrects ? {} : { assessedById: actor.user.id, assessedAt: new Date() }),
    },
  });
  return row.id;
}
