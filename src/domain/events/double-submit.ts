// Is a submission a repeat of one already stored (a double click, a resent
// form), or a new event? With an idempotency key the key alone decides (the
// database finds the stored event by it); without one, a repeat is an event
// the same user stored within the last minute with every field they entered
// equal. Pure: the caller passes the user's recent events and the clock.

export const DOUBLE_SUBMIT_WINDOW_MS = 60_000;

/** What the user entered, as it is stored (code normalised to its letter). */
export interface SubmittedEvent {
  code: string;
  outcome: string | null;
  activityCode: string | null;
  date: string;
  justification: string | null;
}

/** An event the same user stored on the pathway, not annulled. */
export interface RecentEvent extends SubmittedEvent {
  id: string;
  /** ISO timestamp */
  recordedAt: string;
}

export function findRepeat(submitted: SubmittedEvent, recent: readonly RecentEvent[], nowMs: number): RecentEvent | undefined {
  const since = nowMs - DOUBLE_SUBMIT_WINDOW_MS;
  return recent.find(
    (e) =>
      Date.parse(e.recordedAt) >= since &&
      e.code === submitted.code &&
      (e.outcome ?? null) === submitted.outcome &&
      (e.activityCode ?? null) === submitted.activityCode &&
      e.date === submitted.date &&
      (e.justification ?? null) === submitted.justification,
  );
}
