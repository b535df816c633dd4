import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { idParams } from "@/server/api/schemas";
import { assessReferralBody } from "./schema";

// POST /api/v1/referrals/{id}/assessment → assessReferral (./assess.ts)

export const assessReferralOperation = defineOperation({
  id: "assessReferral",
  method: "POST",
  path: "/api/v1/referrals/{id}/assessment",
  permission: "referral.write",
  scope: "referrals:write",
  summary: "Assess a referral; with `pathway`, the pakkeforløp starts on the assessed date (start code A) in the same transaction",
  params: idParams,
  body: assessReferralBody,
  responses: {
    200: {
      description: "Assessed",
      schema: z.object({ referralId: z.string(), pathwayId: z.string().nullable().meta({ description: "The pathway started (or waiting) for the referral" }) }),
    },
  },
  errors: {
    409: "Already assessed (referral_already_assessed: correct it instead), or the patient has an open pathway of the type",
    422: "Invalid input or a broken rule, with field messages (justification: a late assessment that starts a pathway needs one)",
  },
});
