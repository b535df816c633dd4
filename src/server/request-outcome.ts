// Marks the current request as failed because the database is down or
// stalled, so that the server around Next.js (scripts/lib/database-outage.mjs)
// answers it with 503 instead of Next's 500. The record lives in an
// AsyncLocalStorage that the server opens per request; under `next dev`
// there is none, and marking does nothing.
import { isDatabaseUnavailable } from "./db-errors";

type Outcome = { databaseUnavailable: boolean };
type Storage = { getStore(): Outcome | undefined };

const KEY = Symbol.for("forlopsvakt.requestOutcome");

/** Called with every error a request did not handle (instrumentation.ts's onRequestError). */
export function noteRequestError(error: unknown): void {
  if (!isDatabaseUnavailable(error)) return;
  const outcome = ((globalThis as Record<symbol, unknown>)[KEY] as Storage | undefined)?.getStore();
  if (outcome) outcome.databaseUnavailable = true;
}
