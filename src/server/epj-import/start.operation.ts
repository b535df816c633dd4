import { defineOperation } from "@/server/api/operation";
import { IMPORT_TOO_LARGE_MESSAGE, importReportSchema, importStartedSchema, MAX_API_IMPORT_BYTES, startImportQuery, unitImportParams } from "./schema";

// POST /api/v1/units/{unitId}/imports?dryRun=true|false → startImportApi (./api.ts), the body is the CSV file

export const startImportOperation = defineOperation({
  id: "startEpjImport",
  method: "POST",
  path: "/api/v1/units/{unitId}/imports",
  permission: "epj.import",
  scope: "import:write",
  summary: "Import an EPJ extract (CSV) into a unit: the dry run answers the plan's report; the import runs as a background job (one at a time per unit)",
  description:
    "The body is the extract itself (the format of docs/epj-uttrekk-eksempel.csv, at most 1 MiB; larger extracts go through `npm run import`). " +
    "The same service as the page /import: re-importing a file changes nothing, a changed event is a correction, refused rows name their line. " +
    "One EPJ_IMPORTED audit row per import.",
  params: unitImportParams,
  query: startImportQuery,
  rawBody: { contentType: "text/csv", description: "The EPJ extract (UTF-8, comma or semicolon separated, header line first)", maxBytes: MAX_API_IMPORT_BYTES, tooLarge: IMPORT_TOO_LARGE_MESSAGE },
  responses: {
    200: { description: "The dry run's report: what the import would do (nothing is stored)", schema: importReportSchema },
    202: { description: "The import started as a job (Location: its status)", schema: importStartedSchema },
  },
  errors: {
    409: "An import into the unit is already running (import_running), or the unit records its codes in Forløpsvakt and migrate is not true (codes_recorded_in_forlopsvakt)",
    413: "The file is over 1 MiB (body_too_large): use `npm run import`",
    422: "Invalid query (validation_failed), or a file that cannot be used at all (file_unusable: the message names the line)",
  },
});
