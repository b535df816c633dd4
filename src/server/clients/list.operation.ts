import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { clientSchema } from "./schema";

// GET /api/v1/admin/clients → listClients (./list.ts). No scope: machine clients never administer.

export const listClientsOperation = defineOperation({
  id: "listMachineClients",
  method: "GET",
  path: "/api/v1/admin/clients",
  permission: "admin.clients",
  summary: "List the machine clients (administrator), newest first, revoked ones included",
  responses: {
    200: { description: "The clients (never their tokens)", schema: z.object({ items: z.array(clientSchema) }) },
  },
});
