import { requestErrorLine } from "@/lib/error-reference";
import { noteRequestError } from "@/server/request-outcome";

// Next.js calls register() once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.FORLOPSVAKT_NIGHTLY === "off") return;
  const { scheduleNightlyRecompute } = await import("@/server/jobs/nightly");
  scheduleNightlyRecompute();
}

// Next.js calls this with every error a request did not handle: a page that
// failed because the database is down answers 503 (see src/server/request-outcome.ts),
// and every one is logged with the reference the error page shows (app/error.tsx).
export function onRequestError(error: unknown, request: unknown, context: { routePath?: string } | undefined): void {
  noteRequestError(error);
  console.error(requestErrorLine(error, context?.routePath));
}
