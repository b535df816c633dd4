import { CODES_RECORDED_IN } from "@/domain/codes-recorded-in";
import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { idParams, instant, isoDate } from "@/server/api/schemas";
import { deadlineSchema, expectedCodeSchema, noticeSchema, pathwayTypeSchema, phaseSchema } from "./evaluation-schema";

// GET /api/v1/pathways/{id} → getPathwayDetail (./detail.ts), shaped by src/server/api/pathway-json.ts

const person = z.object({ id: z.string(), name: z.string() });

export const pathwayDetailSchema = z.object({
  pathway: z.object({
    id: z.string(),
    type: pathwayTypeSchema,
    setting: z.enum(["POLIKLINIKK", "DOGN"]),
    status: z.enum(["OPEN", "CLOSED"]),
    unit: z.object({
      id: z.string(),
      name: z.string(),
      codesRecordedIn: z.enum(CODES_RECORDED_IN).meta({ description: "Which system holds the unit's pathway codes: EPJ = registering and annulling events here is refused (409 codes_recorded_in_epj)" }),
    }),
    patient: z.object({
      id: z.string(),
      name: z.string().meta({ description: "The name as this pathway shows it (the one typed when the patient was linked from another unit)" }),
      maskedNationalId: z.string().meta({ description: "Birth date and the last two digits only" }),
    }),
    referral: z.object({
      receivedDate: isoDate,
      assessedDate: isoDate.nullable(),
      referrerName: z.string().nullable(),
      rightToCare: z.boolean().nullable(),
    }),
    responsibleClinician: person.nullable(),
    openedDate: isoDate,
    closedDate: isoDate.nullable(),
  }),
  events: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      outcome: z.string().nullable(),
      activityCode: z.string().nullable(),
      date: isoDate,
      recordedAt: instant,
      recordedBy: person,
      justification: z.string().nullable(),
      annulled: z.object({ at: instant, by: person.nullable(), reason: z.string().nullable() }).nullable(),
      replacesId: z.string().nullable(),
    }),
  ),
  phase: phaseSchema,
  deadlines: z.array(deadlineSchema),
  notices: z.array(noticeSchema).meta({ description: "The engine's notices and concurrent pathways of the same type (CONCURRENT)" }),
  nextDeadline: deadlineSchema.nullable(),
  nextExpectedCodes: z.array(expectedCodeSchema).meta({ description: "Codes a clinician is offered next, most likely first" }),
});

export const pathwayDetailOperation = defineOperation({
  id: "getPathway",
  method: "GET",
  path: "/api/v1/pathways/{id}",
  permission: "patient.read",
  scope: "pathways:read",
  summary: "One pathway with events, deadlines and notices (the read is audited)",
  params: idParams,
  responses: { 200: { description: "The pathway and its evaluation", schema: pathwayDetailSchema } },
});
