import { z } from "@/lib/zod";
import {
  assessReferralBody, assessReferralResponse, correctAssessmentBody, correctAssessmentResponse, ensurePatientBody, ensurePatientResponse,
  listReferralsResponse, registerReferralBody, registerReferralResponse,
} from "./operations";

// The referral operations in /api/v1/openapi.json, written from the same zod
// schemas the services parse with (operations.ts).

const input = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } } });
const output = (description: string, schema: z.ZodType) => ({ description, content: { "application/json": { schema: z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) } } });

export function referralPaths(errorBody: object, errors: object, idParam: object) {
  const problem = (description: string) => ({ description, content: { "application/json": { schema: errorBody } } });
  return {
    "/api/v1/patients": {
      post: {
        summary: "Find or register a patient by national id (an existing patient's name is never changed)",
        requestBody: input(ensurePatientBody),
        responses: { "201": output("Registered now", ensurePatientResponse), "200": output("Registered already: the same id", ensurePatientResponse), "422": problem("Invalid input, with field messages"), ...errors },
      },
    },
    "/api/v1/referrals": {
      get: {
        summary: "Referrals of the caller's units in order of receipt (keyset pages), each with the due date of the 10-working-day rule",
        parameters: [
          { name: "status", in: "query", schema: { enum: ["unassessed", "assessed", "closed"] } },
          { name: "unitId", in: "query", schema: { type: "string" } },
          { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: { "200": output("items and nextCursor", listReferralsResponse), "422": problem("Invalid query"), ...errors },
      },
      post: {
        summary: "Register a referral; the patient is found by national id or registered",
        requestBody: input(registerReferralBody),
        responses: {
          "201": output("Registered", registerReferralResponse),
          "200": output("A repeat with the same idempotencyKey: the referral stored the first time", registerReferralResponse),
          "409": problem("The patient has an unassessed referral at the unit (referral_duplicate: send confirmDuplicate: true to register anyway)"),
          "422": problem("Invalid input, with field messages"),
          ...errors,
        },
      },
    },
    "/api/v1/referrals/{id}/assessment": {
      post: {
        summary: "Assess a referral; with `pathway`, the pakkeforløp starts on the assessed date (start code A) in the same transaction",
        parameters: [idParam],
        requestBody: input(assessReferralBody),
        responses: {
          "200": output("Assessed", assessReferralResponse),
          "409": problem("Already assessed (referral_already_assessed: correct it instead), or the patient has an open pathway of the type"),
          "422": problem("Invalid input or a broken rule, with field messages (justification: a late assessment that starts a pathway needs one)"),
          ...errors,
        },
      },
    },
    "/api/v1/referrals/{id}/assessment/correct": {
      post: {
        summary: "Correct an assessment: a new assessment naming the one it corrects, with the reason; the history is kept",
        parameters: [idParam],
        requestBody: input(correctAssessmentBody),
        responses: { "200": output("Corrected", correctAssessmentResponse), "409": problem("Not assessed yet"), "422": problem("Invalid input, with field messages"), ...errors },
      },
    },
  };
}
