import { z } from "@/lib/zod";
import { recordIdSchema } from "@/lib/record-id";
import { PATHWAY_TYPES } from "@/domain/rules";
import { defineOperation } from "@/server/api/operation";
import { isoDate, pageLimit } from "@/server/api/schemas";
import { deadlineKindSchema, pathwayTypeSchema } from "./evaluation-schema";

// GET /api/v1/pathways → listPathways (./list.ts)

export const listPathwaysQuerySchema = z.object({
  status: z.enum(["OPEN", "CLOSED"], { error: "status må være OPEN eller CLOSED." }).optional().meta({ description: "Only open or only closed pathways" }),
  type: z.enum(PATHWAY_TYPES, { error: "Ukjent forløpstype." }).optional().meta({ description: "Pakkeforløp type" }),
  clinician: recordIdSchema("Ugyldig behandler-id.").optional().meta({ description: "Responsible clinician's user id" }),
  cursor: recordIdSchema("Ugyldig markør.").optional().meta({ description: "nextCursor of the previous page" }),
  limit: pageLimit,
});

export const pathwayListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      type: pathwayTypeSchema,
      setting: z.enum(["POLIKLINIKK", "DOGN"]),
      status: z.enum(["OPEN", "CLOSED"]),
      phase: z.string().nullable().meta({ description: "The engine's phase (awaiting_start … closed); null before the first evaluation" }),
      unitId: z.string(),
      openedDate: isoDate,
      closedDate: isoDate.nullable(),
      nextDeadline: z.object({ kind: z.string().meta({ description: deadlineKindSchema.options.join(", ") }), due: isoDate }).nullable(),
      noticeCount: z.number().int(),
      responsibleClinicianId: z.string().nullable(),
      patient: z.object({ name: z.string(), maskedNationalId: z.string() }),
    }),
  ),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last" }),
});

export const listPathwaysOperation = defineOperation({
  id: "listPathways",
  method: "GET",
  path: "/api/v1/pathways",
  permission: "patient.read",
  scope: "pathways:read",
  summary: "List pathways of the caller's units, by id, one page at a time (the read is audited)",
  query: listPathwaysQuerySchema,
  responses: { 200: { description: "A page of pathways and the cursor of the next page", schema: pathwayListSchema } },
});
