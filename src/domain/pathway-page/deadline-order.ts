import type { Deadline } from "@/domain/rules";

// The order of the pathway page's deadline list: what needs doing now first.
// Open deadlines past due come first (most days late first), then the others in
// the engine's order; a deadline finished late is history, shown quietly.

export interface ListedDeadline {
  deadline: Deadline;
  /** open and past due: a red row at the top */
  overdue: boolean;
  /** completed, but late: a quieter row (it can no longer be acted on) */
  finishedLate: boolean;
}

export function deadlinesForList(deadlines: readonly Deadline[]): ListedDeadline[] {
  const listed = deadlines.map((deadline) => ({
    deadline,
    overdue: deadline.completedOn === null && deadline.met === false,
    finishedLate: deadline.completedOn !== null && deadline.met === false,
  }));
  const overdue = listed.filter((d) => d.overdue).sort((a, b) => b.deadline.daysLate - a.deadline.daysLate);
  return [...overdue, ...listed.filter((d) => !d.overdue)];
}
