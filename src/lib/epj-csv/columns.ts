import { z } from "zod";

// The columns of an extract from the patient record system (EPJ), one coded
// event per row. Shared by the check CLI, the import and (later) the export.
// pathway_id, date and code are required; the rest may be missing or empty.

export const EPJ_COLUMNS = [
  "pathway_id",
  "patient_id",
  "type",
  "setting",
  "date",
  "code",
  "outcome",
  "referral_received",
  "care_deadline",
  "national_id",
  "patient_name",
  "event_id",
  "referrer",
] as const;
export type EpjColumn = (typeof EPJ_COLUMNS)[number];
export const REQUIRED_EPJ_COLUMNS = ["pathway_id", "date", "code"] as const satisfies readonly EpjColumn[];

/** The longest field we keep: a longer one is a refused row, not a truncated value. */
export const MAX_FIELD_LENGTH = 500;

export const TOO_LONG = `for langt (over ${MAX_FIELD_LENGTH} tegn)`;
const field = z.string().trim().max(MAX_FIELD_LENGTH, { error: TOO_LONG });

/** One row as text, trimmed; a column missing from the file reads as "". */
export const epjRowSchema = z.object(Object.fromEntries(EPJ_COLUMNS.map((c) => [c, field])) as Record<EpjColumn, typeof field>);
export type EpjRow = z.infer<typeof epjRowSchema>;
