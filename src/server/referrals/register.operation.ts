import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { isoDate } from "@/server/api/schemas";
import { registerReferralBody } from "./schema";

// POST /api/v1/referrals → registerReferral (./register.ts)

const registeredSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  dueDate: isoDate.meta({ description: "The last day of the 10-working-day rule" }),
});

export const registerReferralOperation = defineOperation({
  id: "registerReferral",
  method: "POST",
  path: "/api/v1/referrals",
  permission: "referral.write",
  scope: "referrals:write",
  summary: "Register a referral; the patient is found by national id or registered",
  body: registerReferralBody,
  responses: {
    201: { description: "Registered", schema: registeredSchema },
    200: { description: "A repeat with the same idempotencyKey: the referral stored the first time", schema: registeredSchema },
  },
  errors: {
    404: "Not one of the caller's units",
    409: "The patient has an unassessed referral at the unit (referral_duplicate: send confirmDuplicate: true to register anyway), or the idempotencyKey was used for another registration",
    422: "Invalid input, with field messages",
  },
});
