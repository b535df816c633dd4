import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { createPatientSchema } from "./schema";

// POST /api/v1/patients → ensurePatient (./ensure.ts)

const ensurePatientResponse = z.object({ id: z.string().meta({ description: "The patient's id (for POST /api/v1/referrals)" }) });

export const ensurePatientOperation = defineOperation({
  id: "ensurePatient",
  method: "POST",
  path: "/api/v1/patients",
  permission: "patient.create",
  scope: "referrals:write",
  summary: "Find or register a patient by national id (an existing patient's name is never changed)",
  body: createPatientSchema,
  responses: {
    201: { description: "Registered now, or known only outside the caller's units (the same answer, so the status never tells whether a national id is a patient elsewhere)", schema: ensurePatientResponse },
    200: { description: "Known in the caller's units already: the same id", schema: ensurePatientResponse },
  },
  errors: { 422: "Invalid input, with field messages" },
});
