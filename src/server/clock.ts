import { osloDateOf, type IsoDate } from "@/lib/dates";
import { env } from "./env";

// The one place the server reads the real clock. FORLOPSVAKT_TODAY pins "today"
// for demos and end-to-end tests; it is ignored in production unless
// FORLOPSVAKT_ALLOW_PINNED_TODAY is on (a production build tested end to end).
// No "server-only", like env.ts: the national id schema reads today (a birth
// date in the future is refused), and the operations that parse with it are
// read by the OpenAPI document's unit test; it holds nothing secret.
export function today(): IsoDate {
  const pinned = env("FORLOPSVAKT_TODAY");
  if (pinned && (process.env.NODE_ENV !== "production" || env("FORLOPSVAKT_ALLOW_PINNED_TODAY"))) return pinned;
  return osloDateOf(new Date());
}

export function now(): Date {
  return new Date();
}
