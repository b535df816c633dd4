import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { adminUserJson, userSearchQuery } from "./schema";

// GET /api/v1/admin/users → listUsers (./service.ts)
export const listAdminUsersOperation = defineOperation({
  id: "listAdminUsers",
  method: "GET",
  path: "/api/v1/admin/users",
  permission: "admin.users",
  summary: "Users, with their role, units and whether active (administrator only; never a password)",
  query: userSearchQuery,
  responses: { 200: { description: "Users, active first, by name (at most 500)", schema: z.object({ items: z.array(adminUserJson) }) } },
});
