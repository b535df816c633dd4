import type { DeadlineTone } from "@/domain/deadline-text";

/** "3 virkedager igjen", "Frist i dag", "2 virkedager over fristen" for an unassessed referral. */
export function workingDaysText(left: number): { text: string; tone: DeadlineTone } {
  const word = (n: number) => (Math.abs(n) === 1 ? "virkedag" : "virkedager");
  if (left < 0) return { text: `${-left} ${word(left)} over fristen`, tone: "late" };
  if (left === 0) return { text: "Frist i dag", tone: "warning" };
  return { text: `${left} ${word(left)} igjen`, tone: left <= 3 ? "warning" : "neutral" };
}
