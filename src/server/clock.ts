import "server-only";
import { isIsoDate, osloDateOf, type IsoDate } from "@/lib/dates";

// The one place the server reads the real clock. FORLOPSVAKT_TODAY pins "today"
// for demos and end-to-end tests; it is ignored in production.
export function today(): IsoDate {
  const pinned = process.env.FORLOPSVAKT_TODAY;
  if (pinned && process.env.NODE_ENV !== "production" && isIsoDate(pinned)) return pinned;
  if (pinned && process.env.FORLOPSVAKT_ALLOW_PINNED_TODAY === "1" && isIsoDate(pinned)) return pinned;
  return osloDateOf(new Date());
}

export function now(): Date {
  return new Date();
}
