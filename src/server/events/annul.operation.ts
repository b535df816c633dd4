import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { idParams, instant, isoDate } from "@/server/api/schemas";
import { evaluationSchema } from "@/server/pathways/evaluation-schema";
import { annulSchema } from "./annul-schema";
import { registerResultSchema } from "./register.operation";

// POST /api/v1/events/{id}/annul → annulEvent (./annul.ts)

export const annulResultSchema = z.object({
  event: z.object({
    id: z.string(),
    code: z.string(),
    outcome: z.string().nullable(),
    activityCode: z.string().nullable(),
    date: isoDate,
    annulledAt: instant,
    reason: z.string(),
  }),
  evaluation: evaluationSchema.meta({ description: "The pathway's evaluation after the annulment (and the replacement)" }),
  replacement: registerResultSchema.nullable().meta({ description: "The replacing event's registration, when one was given" }),
});

export const annulEventOperation = defineOperation({
  id: "annulEvent",
  method: "POST",
  path: "/api/v1/events/{id}/annul",
  permission: "event.annul",
  scope: "events:write",
  summary: "Annul an event, optionally registering its replacement in the same step",
  params: idParams,
  body: annulSchema,
  responses: { 200: { description: "Annulled", schema: annulResultSchema } },
  errors: { 409: "Already annulled (already_annulled), the unit codes in the patient record system (codes_recorded_in_epj), or the replacement's pathway is closed", 422: "Invalid input, with field messages" },
});
