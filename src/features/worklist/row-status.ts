import { daysBetween } from "@/domain/rules";
import type { WorklistReason } from "@/domain/worklist";
import { dayWord, daysLeftText, type DeadlineTone } from "@/domain/deadline-text";
import type { IsoDate } from "@/lib/dates";

// The status badge of a worklist row: days left or late against its due date,
// except for a settled fristbrudd (the first attendance came after the legal
// deadline, `sinceOn`), whose lateness is fixed and does not grow with the days.

export function worklistRowStatus(
  row: { reason: WorklistReason; dueOn: IsoDate; sinceOn: IsoDate | null; eventId: string | null },
  today: IsoDate,
): { text: string; tone: DeadlineTone } {
  if (row.reason === "LEGAL_DEADLINE_BREACHED" && row.eventId && row.sinceOn) {
    const late = daysBetween(row.dueOn, row.sinceOn);
    return { text: `Første fremmøte ${late} ${dayWord(late)} etter fristen`, tone: "late" };
  }
  return daysLeftText(row.dueOn, today);
}
