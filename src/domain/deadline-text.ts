import { daysBetween, type Deadline } from "@/domain/rules";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";

// Plain-Norwegian status of a deadline computed by the rules engine, for the
// pages and the CSV export alike. Only wording lives here; met/late/cause come
// from the engine; the colours of each tone are the UI's (features/pathway/tone-classes.ts).

export type DeadlineTone = "ok" | "warning" | "late" | "neutral";

export function dayWord(n: number): string {
  return Math.abs(n) === 1 ? "dag" : "dager";
}

export function deadlineStatus(deadline: Deadline, today: IsoDate): { text: string; tone: DeadlineTone } {
  const cause = deadline.cause === "patient" ? " (pasientutsatt)" : "";
  if (deadline.completedOn) {
    const used = daysBetween(deadline.from, deadline.completedOn);
    const of = deadline.unit === "working_days" ? "" : ` på dag ${used} av ${deadline.durationDays}`;
    if (deadline.met) return { text: `Innenfor anbefalt tid${of}`, tone: "ok" };
    return { text: `Fullført ${deadline.daysLate} ${dayWord(deadline.daysLate)} for sent${cause}`, tone: "late" };
  }
  if (deadline.daysLate > 0) {
    return { text: `Overskredet med ${deadline.daysLate} ${dayWord(deadline.daysLate)}${cause}`, tone: "late" };
  }
  const left = daysBetween(today, deadline.due);
  if (left === 0) return { text: "Forfaller i dag", tone: "warning" };
  return { text: `${left} ${dayWord(left)} igjen (frist ${formatNorwegianDate(deadline.due)})`, tone: left <= 7 ? "warning" : "neutral" };
}

/** Days left (positive) or late (negative) for a due date, for lists. */
export function daysLeftText(due: IsoDate | null, today: IsoDate): { text: string; tone: DeadlineTone } {
  if (!due) return { text: "Ingen åpen frist", tone: "neutral" };
  const left = daysBetween(today, due);
  if (left < 0) return { text: `${-left} ${dayWord(left)} over fristen`, tone: "late" };
  if (left === 0) return { text: "Forfaller i dag", tone: "warning" };
  return { text: `${left} ${dayWord(left)} igjen`, tone: left <= 7 ? "warning" : "neutral" };
}
