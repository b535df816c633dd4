import { env } from "@/server/env";

// Session and login settings, configurable by environment (validated, with their defaults, in src/server/env.ts).

/** Idle session timeout, counted from the last request (the session row's lastSeenAt; see session-rules.ts). */
export const IDLE_TIMEOUT_SECONDS = Math.round(env("AUTH_IDLE_TIMEOUT_MINUTES") * 60);

/** Absolute session lifetime, whatever the activity (a working day). */
export const MAX_SESSION_SECONDS = Math.round(env("AUTH_MAX_SESSION_HOURS") * 3600);

/**
 * Login limits (src/server/auth/login-limits.ts). Counts run in fixed windows
 * of `windowSeconds` and cover attempts whose password was checked.
 * - per e-mail and address: at most `maxAttemptsPerEmailAndIp` checks, then
 *   that address waits for the window's end (other addresses are not
 *   affected); a successful login there starts the count afresh;
 * - per address: after `maxFailuresPerIp` failures (any e-mails), only e-mails
 *   that have logged in from that address within the last 30 days are checked
 *   (a clinic's users behind one NAT address keep logging in);
 * - per e-mail, from every address together: after `freeAttemptsPerEmail`,
 *   each address waits between its attempts for that e-mail:
 *   `baseDelaySeconds`, doubling with each further attempt, at most
 *   `maxDelaySeconds`. An address's first attempt is never delayed, so an
 *   attacker elsewhere cannot keep the right password from a new address out.
 */
export const LOGIN_RATE_LIMIT = {
  windowSeconds: Math.round(env("AUTH_RATE_LIMIT_WINDOW_MINUTES") * 60),
  maxAttemptsPerEmailAndIp: Math.floor(env("AUTH_RATE_LIMIT_PER_EMAIL_AND_IP")),
  maxFailuresPerIp: Math.floor(env("AUTH_RATE_LIMIT_PER_IP")),
  freeAttemptsPerEmail: Math.floor(env("AUTH_RATE_LIMIT_PER_EMAIL")),
  baseDelaySeconds: env("AUTH_RATE_LIMIT_DELAY_SECONDS"),
  maxDelaySeconds: env("AUTH_RATE_LIMIT_MAX_DELAY_SECONDS"),
};

/** Login attempts (and an address's "has logged in here" standing) are kept this long. */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;
