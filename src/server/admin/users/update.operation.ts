import { defineOperation } from "@/server/api/operation";
import { idParams } from "@/server/api/schemas";
import { adminUserJson, updateUserBody } from "./schema";

// PATCH /api/v1/admin/users/{id} → updateUser (./service.ts)
export const updateAdminUserOperation = defineOperation({
  id: "updateAdminUser",
  method: "PATCH",
  path: "/api/v1/admin/users/{id}",
  permission: "admin.users",
  summary: "Change a user's role, units or active (administrator only); takes effect on the user's next request",
  params: idParams,
  body: updateUserBody,
  responses: { 200: { description: "The user as changed", schema: adminUserJson } },
  errors: {
    404: "No such user",
    422: "Invalid input, or not allowed (not_allowed: deactivating oneself, removing the last active administrator)",
  },
});
