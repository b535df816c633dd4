import { defineOperation } from "@/server/api/operation";
import { idParams } from "@/server/api/schemas";
import { importJobSchema } from "./schema";

// GET /api/v1/imports/{id} → importJobApi (./api.ts)

export const importJobOperation = defineOperation({
  id: "getEpjImport",
  method: "GET",
  path: "/api/v1/imports/{id}",
  permission: "epj.import",
  scope: "import:write",
  summary: "An import job of the caller's units: its status, progress and, once DONE, its report",
  params: idParams,
  responses: {
    200: { description: "The job", schema: importJobSchema },
  },
});
