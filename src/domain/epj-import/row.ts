import { PATHWAY_TYPES, isValidIsoDate, typePrefixOf } from "@/domain/rules";
import type { EpjColumn, EpjRow } from "@/lib/epj-csv/columns";

// What makes one row of an EPJ extract unreadable, in the words of the check
// CLI (which refuses the file) and the import (which refuses the row): the
// same grounds for both doors.

export interface RowProblem {
  column: EpjColumn;
  message: string;
}

/** The row's problems (empty: the row is good), and the type and setting it gives. */
export function rowProblems(row: EpjRow): { problems: RowProblem[]; type: string; setting: string } {
  const { pathway_id: id, date, code, referral_received: received, care_deadline: careDeadline } = row;
  const setting = row.setting.toLowerCase() || "poliklinikk";
  const problems: RowProblem[] = [];
  if (!id) problems.push({ column: "pathway_id", message: "pathway_id er tom" });
  if (!isValidIsoDate(date)) problems.push({ column: "date", message: `ugyldig dato «${date}» (bruk ÅÅÅÅ-MM-DD)` });
  if (!code) problems.push({ column: "code", message: "code er tom" });
  if (setting !== "poliklinikk" && setting !== "dogn") problems.push({ column: "setting", message: `ugyldig setting «${setting}» (poliklinikk eller dogn)` });
  if (received && !isValidIsoDate(received)) problems.push({ column: "referral_received", message: `ugyldig referral_received «${received}»` });
  if (careDeadline && !isValidIsoDate(careDeadline)) problems.push({ column: "care_deadline", message: `ugyldig care_deadline «${careDeadline}» (juridisk frist, bruk ÅÅÅÅ-MM-DD)` });
  // A wrong letter or outcome after a known prefix (D11CZ) is a finding on
  // the row (INVALID_CODE), not a malformed file: the prefix gives the type.
  // (the prefix read only for a row without a type: half a million regex matches cost the check CLI a tenth of a second)
  const type = (row.type || prefixType(code)).toUpperCase();
  if (!(PATHWAY_TYPES as readonly string[]).includes(type)) problems.push({ column: "type", message: type ? `ukjent type «${type}»` : "type mangler (verken i type-kolonnen eller i koden)" });
  return { problems, type, setting };
}

function prefixType(code: string): string {
  const prefix = code ? typePrefixOf(code) : null;
  return (prefix && "known" in prefix ? prefix.known : prefix?.unknown) || "";
}
