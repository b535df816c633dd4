import { z } from "@/lib/zod";
import { WORKLIST_REASONS } from "@/domain/worklist";
import { defineOperation } from "@/server/api/operation";
import { isoDate } from "@/server/api/schemas";
import { pathwayTypeSchema } from "@/server/pathways/evaluation-schema";
import { worklistFilterSchema } from "./filters";

// GET /api/v1/worklist → listWorklist (./query.ts), the same filters as the page's URL (./filters.ts)

export const worklistQuerySchema = worklistFilterSchema.extend({
  enhet: worklistFilterSchema.shape.enhet.meta({ description: "Unit id (default: all the caller's units)" }),
  type: worklistFilterSchema.shape.type.meta({ description: "Pakkeforløp type" }),
  setting: worklistFilterSchema.shape.setting.meta({ description: "Poliklinikk or døgn" }),
  behandler: worklistFilterSchema.shape.behandler.meta({ description: "Responsible clinician's user id, or `ingen` for rows without one" }),
  grunn: worklistFilterSchema.shape.grunn.meta({ description: "Why a row needs action (forfalt: overdue deadlines, snart: deadlines within the horizon …)" }),
  horisont: worklistFilterSchema.shape.horisont.meta({ description: "Days ahead a deadline counts as due soon (default 14)" }),
  sortering: worklistFilterSchema.shape.sortering.meta({ description: "grunn: grouped by reason, most days late first; frist: all by due date" }),
  etter: worklistFilterSchema.shape.etter.meta({ description: "nextCursor of the previous page" }),
});

export const worklistPageSchema = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      key: z.string().meta({ description: "The row's key within its pathway (explain and postpone refer to it)" }),
      pathwayId: z.string(),
      eventId: z.string().nullable(),
      reason: z.enum(WORKLIST_REASONS),
      description: z.string().meta({ description: "What is wrong, in Norwegian" }),
      dueOn: isoDate,
      sinceOn: isoDate.nullable(),
      deadlineKind: z.string().nullable(),
      noticeId: z.string().nullable(),
      outcome: z.string().nullable(),
      type: pathwayTypeSchema,
      setting: z.enum(["POLIKLINIKK", "DOGN"]),
      phase: z.string().nullable(),
      unit: z.object({ id: z.string(), name: z.string() }),
      patientName: z.string(),
      maskedId: z.string().meta({ description: "The patient's national id, masked" }),
      clinician: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable().meta({ description: "Pass as `etter` for the next page; null on the last" }),
});

export const listWorklistOperation = defineOperation({
  id: "listWorklist",
  method: "GET",
  path: "/api/v1/worklist",
  permission: "worklist.view",
  scope: "pathways:read",
  summary: "The coordinator's worklist: actions needed, most urgent first, one page at a time (the read is audited)",
  query: worklistQuerySchema,
  responses: { 200: { description: "A page of rows and the cursor of the next page", schema: worklistPageSchema } },
  errors: { 422: "Invalid filter, or a cursor this app did not make" },
});
