import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { idParams } from "@/server/api/schemas";
import { correctAssessmentBody } from "./schema";

// POST /api/v1/referrals/{id}/assessment/correct → correctAssessment (./correct.ts)

export const correctAssessmentOperation = defineOperation({
  id: "correctAssessment",
  method: "POST",
  path: "/api/v1/referrals/{id}/assessment/correct",
  permission: "referral.write",
  scope: "referrals:write",
  summary: "Correct an assessment: a new assessment naming the one it corrects, with the reason; the history is kept",
  params: idParams,
  body: correctAssessmentBody,
  responses: { 200: { description: "Corrected", schema: z.object({ referralId: z.string(), assessmentId: z.string() }) } },
  errors: { 409: "Not assessed yet (referral_not_assessed)", 422: "Invalid input or a broken rule, with field messages" },
});
