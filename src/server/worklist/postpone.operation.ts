import { z } from "@/lib/zod";
import { WORKLIST_RULES } from "@/domain/worklist";
import { defineOperation } from "@/server/api/operation";
import { isoDate } from "@/server/api/schemas";
import { postponeSchema } from "./schemas";

// POST /api/v1/worklist/postpone → postponeItem (./row-actions.ts)

export const postponeItemOperation = defineOperation({
  id: "postponeWorklistRow",
  method: "POST",
  path: "/api/v1/worklist/postpone",
  permission: "worklist.postpone",
  summary: `Put a worklist row aside until a date (after today, at most ${WORKLIST_RULES.maxHorizonDays} days ahead), with a reason`,
  body: postponeSchema,
  responses: {
    200: { description: "Postponed: the row returns on `until`", schema: z.object({ pathwayId: z.string(), itemKey: z.string(), until: isoDate }) },
  },
  errors: { 404: "No such row, or outside the caller's units" },
});
