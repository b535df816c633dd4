import { daysLeft, isNoticeReason, type WorklistReason } from "@/domain/worklist";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import { daysLeftText, type DeadlineTone } from "@/features/pathway/deadline-text";

// A worklist row's status badge. A notice's date is when NPR's finding was
// made, not a deadline: it is never "N dager over fristen" (a year-old notice
// of a closed pathway read as 387 days late).

export interface RowStatus {
  text: string;
  tone: DeadlineTone;
  /** days left (negative: late); null for a row without a deadline */
  daysLeft: number | null;
}

export function rowStatus(row: { reason: WorklistReason; dueOn: IsoDate }, today: IsoDate): RowStatus {
  if (isNoticeReason(row.reason)) return { text: `Ingen frist (fra ${formatNorwegianDate(row.dueOn)})`, tone: "neutral", daysLeft: null };
  return { ...daysLeftText(row.dueOn, today), daysLeft: daysLeft(row, today) };
}
