import { defineOperation } from "@/server/api/operation";
import { idParams } from "@/server/api/schemas";
import { clientSchema } from "./schema";

// POST /api/v1/admin/clients/{id}/revoke → revokeClient (./revoke.ts). No scope: machine clients never administer.

export const revokeClientOperation = defineOperation({
  id: "revokeMachineClient",
  method: "POST",
  path: "/api/v1/admin/clients/{id}/revoke",
  permission: "admin.clients",
  summary: "Revoke a machine client (administrator): its next call is refused (401); revoking again changes nothing",
  params: idParams,
  responses: {
    200: { description: "Revoked", schema: clientSchema },
  },
});
