import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { idParams } from "@/server/api/schemas";

// POST /api/v1/worklist/postponements/{id}/undo → undoPostponementById (./row-actions.ts)

export const undoPostponementOperation = defineOperation({
  id: "undoWorklistPostponement",
  method: "POST",
  path: "/api/v1/worklist/postponements/{id}/undo",
  permission: "worklist.postpone",
  summary: "Take a postponement back: the row is on the worklist again at once (the postponement keeps its history)",
  params: idParams,
  responses: {
    200: { description: "Undone", schema: z.object({ pathwayId: z.string(), itemKey: z.string() }) },
  },
  errors: { 404: "No such postponement, or outside the caller's units", 409: "Undone already, or run out (not_postponed)" },
});
