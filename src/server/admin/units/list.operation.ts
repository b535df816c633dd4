import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { adminUnitJson } from "./schema";

// GET /api/v1/admin/units → listUnits (./service.ts)
export const listAdminUnitsOperation = defineOperation({
  id: "listAdminUnits",
  method: "GET",
  path: "/api/v1/admin/units",
  permission: "admin.units",
  summary: "Every unit, active first (administrator only)",
  responses: { 200: { description: "Units", schema: z.object({ items: z.array(adminUnitJson) }) } },
});
