import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { idParams, isoDate } from "@/server/api/schemas";
import { evaluationSchema, noticeSchema } from "@/server/pathways/evaluation-schema";
import { registerEventSchema } from "./schema";

// POST /api/v1/pathways/{id}/events → registerEvent (./register.ts)

export const registerResultSchema = z.object({
  event: z.object({
    id: z.string(),
    code: z.string(),
    outcome: z.string().nullable(),
    clinicalDate: isoDate,
    justification: z.string().nullable(),
  }),
  evaluation: evaluationSchema,
  warnings: z.array(noticeSchema).meta({ description: "Notices the event brought (stored with it)" }),
  summary: z.string().meta({ description: "What the event did, in Norwegian" }),
  duplicate: z.boolean().meta({ description: "true: a repeat of a stored submission, nothing new stored" }),
});

export const registerEventOperation = defineOperation({
  id: "registerEvent",
  method: "POST",
  path: "/api/v1/pathways/{id}/events",
  permission: "event.create",
  scope: "events:write",
  summary: "Register a coded event",
  params: idParams,
  body: registerEventSchema,
  responses: {
    201: { description: "Stored: the event, the new evaluation and warnings (notices)", schema: registerResultSchema },
    200: { description: "A repeat of a stored submission (same idempotency key, or same event within a minute)", schema: registerResultSchema },
  },
  errors: {
    409: "The pathway is closed (pathway_closed), its unit codes in the patient record system (codes_recorded_in_epj), or others kept changing it at the same moment (pathway_busy: send again)",
    422: "Invalid input, with field messages; justification_required when the code brings a notice or closes a deadline late",
  },
});
