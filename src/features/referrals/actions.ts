"use server";
import { z } from "@/lib/zod";
import { recordIdSchema } from "@/lib/record-id";
import { today } from "@/server/clock";
import { actionClient } from "@/server/actions/action-client";
import { toActionFailure, type ActionFailure } from "@/server/actions/result";
import { PathwayAlreadyOpen } from "@/server/pathways/create";
import { assessReferral } from "@/server/referrals/assess";
import { correctAssessment } from "@/server/referrals/correct";
import { assessReferralBody, correctAssessmentBody, registerReferralBody } from "@/server/referrals/schema";
import { ReferralDuplicate, registerReferral } from "@/server/referrals/register";

// The referral pages' server actions: thin, the services decide.

export type RegisterReferralResult = { ok: true; referralId: string } | (ActionFailure & { existingReferralId?: string });

export const registerReferralAction = actionClient("referral.write")
  .schema(z.tuple([registerReferralBody]))
  .action(async ({ actor, args: [input] }): Promise<RegisterReferralResult> => {
    try {
      const made = await registerReferral(actor, input, today());
      return { ok: true, referralId: made.id };
    } catch (error) {
      // the form links to the referral already waiting and asks to confirm
      if (error instanceof ReferralDuplicate) return { ...toActionFailure(error), existingReferralId: error.existingReferralId };
      throw error;
    }
  });

export type AssessReferralResult = { ok: true; pathwayId: string | null } | (ActionFailure & { existingPathwayId?: string });

export const assessReferralAction = actionClient("referral.write")
  .schema(z.tuple([recordIdSchema("Fant ikke henvisningen."), assessReferralBody]))
  .action(async ({ actor, args: [referralId, input] }): Promise<AssessReferralResult> => {
    try {
      const { pathwayId } = await assessReferral(actor, referralId, input, today());
      return { ok: true, pathwayId };
    } catch (error) {
      if (error instanceof PathwayAlreadyOpen) return { ...toActionFailure(error), existingPathwayId: error.existingPathwayId };
      throw error;
    }
  });

export const correctAssessmentAction = actionClient("referral.write")
  .schema(z.tuple([recordIdSchema("Fant ikke henvisningen."), correctAssessmentBody]))
  .action(async ({ actor, args: [referralId, input] }): Promise<{ ok: true } | ActionFailure> => {
    await correctAssessment(actor, referralId, input, today());
    return { ok: true };
  });
