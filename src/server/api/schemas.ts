import { z } from "@/lib/zod";
import { RECORD_ID_PATTERN } from "@/lib/record-id";

// Pieces every operation shares: the error body, the record id in a path,
// dates as the API writes them.

/** Every refusal and failure of the API answers with this body. */
export const apiErrorSchema = z.object({
  error: z.string().meta({ description: "Stable English error code, e.g. validation_failed, not_found, pathway_closed" }),
  message: z.string().meta({ description: "Norwegian message for people" }),
  fieldErrors: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .meta({ description: "Norwegian messages per field (dotted path; `_` for the body as a whole)" }),
});

/** A path's record id: any other value cannot name a record (404). */
export const recordId = z.string().regex(RECORD_ID_PATTERN).meta({ description: "Record id" });

export const idParams = z.object({ id: recordId });

/** A clinical date: date-only, Europe/Oslo calendar. */
export const isoDate = z.iso.date();

/** An instant, UTC. */
export const instant = z.iso.datetime();

/** `limit` of a paged list: 1–200, 50 when left out. */
export const pageLimit = z.coerce
  .number({ error: "limit må være et tall." })
  .int("limit må være et heltall.")
  .min(1, "limit må være minst 1.")
  .max(200, "limit kan være høyst 200.")
  .default(50)
  .meta({ description: "Page size" });
