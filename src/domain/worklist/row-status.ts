import { daysBetween } from "@/domain/rules";
import { daysLeft, isNoticeReason, type WorklistReason } from "@/domain/worklist";
import { dayWord, daysLeftText, type DeadlineTone } from "@/domain/deadline-text";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";

// A worklist row's status badge: days left or late against its due date. A
// notice's date is when NPR's finding was made, not a deadline: it is never
// "N dager over fristen" (a year-old notice of a closed pathway read as 387
// days late). A settled fristbrudd (the first attendance came after the legal
// deadline, `sinceOn`) has a fixed lateness that does not grow with the days.

export interface RowStatus {
  text: string;
  tone: DeadlineTone;
  /** days left (negative: late); null for a row without a deadline */
  daysLeft: number | null;
}

export function rowStatus(
  row: { reason: WorklistReason; dueOn: IsoDate; sinceOn?: IsoDate | null; eventId?: string | null },
  today: IsoDate,
): RowStatus {
  if (isNoticeReason(row.reason)) return { text: `Ingen frist (fra ${formatNorwegianDate(row.dueOn)})`, tone: "neutral", daysLeft: null };
  if (row.reason === "LEGAL_DEADLINE_BREACHED" && row.eventId && row.sinceOn) {
    const late = daysBetween(row.dueOn, row.sinceOn);
    return { text: `Første frammøte ${late} ${dayWord(late)} etter fristen`, tone: "late", daysLeft: -late };
  }
  // its fields named, not spread: V8's object spread is slow on this path (the
  // worklist makes 50 a view; a spread of fetchPage's rows cost ~1-2 ms of them)
  const { text, tone } = daysLeftText(row.dueOn, today);
  return { text, tone, daysLeft: daysLeft(row, today) };
}
