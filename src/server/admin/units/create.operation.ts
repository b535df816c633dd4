import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { unitBody } from "./schema";

// POST /api/v1/admin/units → createUnit (./service.ts)
export const createAdminUnitOperation = defineOperation({
  id: "createAdminUnit",
  method: "POST",
  path: "/api/v1/admin/units",
  permission: "admin.units",
  summary: "Create a unit (administrator only)",
  body: unitBody,
  responses: { 201: { description: "Created", schema: z.object({ id: z.string() }) } },
  errors: { 409: "Another unit has this name or code (name_taken, code_taken)", 422: "Invalid input, with field messages" },
});
