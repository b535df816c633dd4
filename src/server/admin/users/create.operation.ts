import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { createUserBody } from "./schema";

// POST /api/v1/admin/users → createUser (./service.ts)
export const createAdminUserOperation = defineOperation({
  id: "createAdminUser",
  method: "POST",
  path: "/api/v1/admin/users",
  permission: "admin.users",
  summary: "Create a user (administrator only); without a password the user signs in by single sign-on only",
  body: createUserBody,
  responses: { 201: { description: "Created", schema: z.object({ id: z.string() }) } },
  errors: { 409: "A user with this e-mail exists (email_taken)", 422: "Invalid input, with field messages (e.g. no unit for a clinician, an inactive unit)" },
});
