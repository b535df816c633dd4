import { defineOperation } from "@/server/api/operation";
import { createClientSchema, createdClientSchema } from "./schema";

// POST /api/v1/admin/clients → createClient (./create.ts). No scope: machine clients never administer.

export const createClientOperation = defineOperation({
  id: "createMachineClient",
  method: "POST",
  path: "/api/v1/admin/clients",
  permission: "admin.clients",
  summary: "Create a machine client (administrator): its token is in this answer only",
  body: createClientSchema,
  responses: {
    201: { description: "Created: the client's id and its token (shown once)", schema: createdClientSchema },
  },
  errors: { 422: "Invalid input, or a unit that does not exist" },
});
