import { z } from "@/lib/zod";
import { instant, recordId } from "@/server/api/schemas";

// The import API's answers (src/server/epj-import/api.ts): the report is the
// JSON object `npm run import -- --format json` prints, for a dry run and for
// a finished import alike. No patient data: counts, line numbers, the EPJ's
// pathway and event keys and Norwegian reasons.

/** The largest file the API takes: the server's body limit (scripts/lib/body-limit.mjs), as for the page /import. */
export const MAX_API_IMPORT_BYTES = 1024 * 1024;

export const IMPORT_TOO_LARGE_MESSAGE = "Filen er større enn 1 MiB, som er grensen for API-et. Del uttrekket, eller bruk npm run import.";

export const importReportSchema = z
  .object({
    dryRun: z.boolean(),
    counts: z.object({
      patientsCreated: z.number().int(),
      referralsCreated: z.number().int(),
      pathwaysCreated: z.number().int(),
      eventsCreated: z.number().int(),
      eventsUnchanged: z.number().int(),
      eventsCorrected: z.number().int(),
      rowsRefused: z.number().int(),
      missingFromFile: z.number().int(),
    }),
    refused: z.array(
      z.object({
        line: z.number().int().meta({ description: "The file's line (1 is the header); 0 for a pathway whose transaction failed" }),
        column: z.string(),
        message: z.string().meta({ description: "Why, in Norwegian" }),
      }),
    ),
    missing: z
      .array(z.object({ pathwayId: z.string(), eventId: z.string() }))
      .meta({ description: "Stored events of the file's pathways that the file no longer has (not deleted)" }),
  })
  .meta({ id: "ImportReport", description: "The report of a dry run or an import, as `npm run import -- --format json` prints it" });

export const importStartedSchema = z.object({
  id: z.string().meta({ description: "The import job: follow it with GET /api/v1/imports/{id}" }),
  status: z.literal("RUNNING"),
});

export const importJobSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  fileName: z.string(),
  status: z.enum(["RUNNING", "DONE", "FAILED", "STOPPED"]).meta({
    description: "STOPPED: stopped before a batch because the one who started it may no longer import (deactivated, role, unit or client revoked); the pathways applied stay",
  }),
  progress: z.object({ rowsDone: z.number().int(), rowsTotal: z.number().int(), pathwaysDone: z.number().int(), pathwaysTotal: z.number().int() }),
  result: importReportSchema.nullable().meta({ description: "The report once DONE, else null" }),
  error: z.string().nullable().meta({ description: "Why it FAILED or was STOPPED (Norwegian), else null" }),
  createdAt: instant,
  finishedAt: instant.nullable(),
});

export const unitImportParams = z.object({ unitId: recordId });

export const startImportQuery = z.object({
  dryRun: z
    .enum(["true", "false"], { error: "dryRun må være true eller false." })
    .transform((value) => value === "true")
    .meta({ description: "true: the plan only, nothing is stored (200 with the report); false: the import runs as a background job (202)" }),
  fileName: z
    .string()
    .trim()
    .min(1, "fileName kan ikke være tom.")
    .max(255, "fileName kan være høyst 255 tegn.")
    .optional()
    .meta({ description: "The extract's file name, kept on the job and in the audit log (uttrekk.csv when left out)" }),
  migrate: z
    .enum(["true", "false"], { error: "migrate må være true eller false." })
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "true: a one-time migration into a unit whose codes are recorded in Forløpsvakt (otherwise refused with 409 codes_recorded_in_forlopsvakt)" }),
});
