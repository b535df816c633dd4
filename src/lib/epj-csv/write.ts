import type { EpjColumn, EpjRow } from "./columns";

// The one writer of EPJ extracts (npm run export), beside the one reader: what
// the reader takes and Norwegian Excel opens – UTF-8 with a BOM, `;` between
// fields, CRLF lines, a field quoted (with "" for ") when it holds `;`, `"` or
// a line break. Values are written as they are (no formula guard: the file is
// data for the EPJ or NPR reporting, and reading it back must give the same
// values), trimmed as the reader trims them.

/** The columns of an export, in this order: what the import needs to rebuild the unit's pathways. */
export const EPJ_EXPORT_COLUMNS = [
  "event_id",
  "pathway_id",
  "national_id",
  "patient_name",
  "type",
  "setting",
  "referral_received",
  "care_deadline",
  "referrer",
  "date",
  "code",
  "outcome",
] as const satisfies readonly EpjColumn[];

const BOM = "\uFEFF";
const DELIMITER = ";";
const NEWLINE = "\r\n";

function field(value: string | null | undefined): string {
  const text = (value ?? "").trim();
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's first piece: BOM and header line. */
export function epjCsvHeader(columns: readonly EpjColumn[] = EPJ_EXPORT_COLUMNS): string {
  return BOM + columns.join(DELIMITER) + NEWLINE;
}

/** One row as a line (CRLF included). A column the row lacks is written empty. */
export function epjCsvLine(row: Partial<EpjRow>, columns: readonly EpjColumn[] = EPJ_EXPORT_COLUMNS): string {
  return columns.map((c) => field(row[c])).join(DELIMITER) + NEWLINE;
}

/** A whole extract as pieces of text (header first), to stream to a file or stdout. */
export function* writeEpjCsv(rows: Iterable<Partial<EpjRow>>, columns: readonly EpjColumn[] = EPJ_EXPORT_COLUMNS): Generator<string> {
  yield epjCsvHeader(columns);
  for (const row of rows) yield epjCsvLine(row, columns);
}
