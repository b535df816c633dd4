import type { JWT } from "next-auth/jwt";
import { IDLE_TIMEOUT_SECONDS, MAX_SESSION_SECONDS } from "./settings";

// When a signed-in session is still valid, in one place. The cookie carries
// the session's id and its sign-in time; whether the session is alive (not
// logged out, user not deactivated, not idle) is decided by its row in the
// database on every request (src/server/auth/session-user.ts), so that a
// logout holds at once in every server process and on every host. The cookie
// is not renewed: it lives as long as a session may (MAX_SESSION_SECONDS).

/**
 * How stale the row's lastSeenAt may get before a request writes it: writing
 * it on every request would make every request a write. A request at time r
 * rewrites it when it is r − LAST_SEEN_PRECISION_SECONDS or older, so after
 * the request r − LAST_SEEN_PRECISION_SECONDS < lastSeenAt ≤ r (clocks of the
 * hosts agreeing), and a session idle since its last request ends after at
 * most IDLE_TIMEOUT_SECONDS and not before IDLE_TIMEOUT_SECONDS −
 * LAST_SEEN_PRECISION_SECONDS. A minute, or a tenth of a short idle timeout.
 */
export const LAST_SEEN_PRECISION_SECONDS = Math.max(1, Math.min(60, Math.floor(IDLE_TIMEOUT_SECONDS / 10)));

/** The cookie's own limit: a session lasts no longer than a working day, however active. */
export function cookieExpired(token: JWT, nowSeconds: number): boolean {
  return nowSeconds - Number(token.loginAt ?? 0) > MAX_SESSION_SECONDS;
}

/** The instants that decide a session row's fate at `now` (see session-user.ts). */
export function sessionCutoffs(now: Date) {
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  return {
    /** alive only if lastSeenAt is at or after this */
    idleSince: before(IDLE_TIMEOUT_SECONDS),
    /** alive only if created at or after this */
    createdSince: before(MAX_SESSION_SECONDS),
    /** lastSeenAt is rewritten when at or before this */
    seenBefore: before(LAST_SEEN_PRECISION_SECONDS),
  };
}
