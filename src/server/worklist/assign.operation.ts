import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { BULK_ASSIGN_MAX, bulkAssignSchema } from "./schemas";

// POST /api/v1/worklist/assign → assignClinicianBulk (src/server/pathways/assign.ts)

export const bulkAssignOperation = defineOperation({
  id: "assignClinicianBulk",
  method: "POST",
  path: "/api/v1/worklist/assign",
  permission: "pathway.assign",
  summary: `Assign one responsible clinician to several pathways (1 to ${BULK_ASSIGN_MAX}, each once) in one transaction: all or none`,
  body: bulkAssignSchema,
  responses: {
    200: { description: "Assigned, one audit row per pathway", schema: z.object({ pathwayIds: z.array(z.string()), clinicianId: z.string(), count: z.number().int() }) },
  },
  errors: {
    404: "A pathway not found, or outside the caller's units (nothing changed)",
    422: "Invalid input, or the user may not be responsible at one of the pathways' units (nothing changed)",
  },
});
