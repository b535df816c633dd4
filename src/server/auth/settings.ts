// Session and login settings, configurable by environment.

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Idle session timeout, counted from the last request (the session row's lastSeenAt; see session-rules.ts). */
export const IDLE_TIMEOUT_SECONDS = Math.round(positiveNumber(process.env.AUTH_IDLE_TIMEOUT_MINUTES, 30) * 60);

/** Absolute session lifetime, whatever the activity (a working day). */
export const MAX_SESSION_SECONDS = Math.round(positiveNumber(process.env.AUTH_MAX_SESSION_HOURS, 12) * 3600);

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
  windowSeconds: Math.round(positiveNumber(process.env.AUTH_RATE_LIMIT_WINDOW_MINUTES, 15) * 60),
  maxAttemptsPerEmailAndIp: Math.floor(positiveNumber(process.env.AUTH_RATE_LIMIT_PER_EMAIL_AND_IP, 10)),
  maxFailuresPerIp: Math.floor(positiveNumber(process.env.AUTH_RATE_LIMIT_PER_IP, 30)),
  freeAttemptsPerEmail: Math.floor(positiveNumber(process.env.AUTH_RATE_LIMIT_PER_EMAIL, 5)),
  baseDelaySeconds: positiveNumber(process.env.AUTH_RATE_LIMIT_DELAY_SECONDS, 2),
  maxDelaySeconds: positiveNumber(process.env.AUTH_RATE_LIMIT_MAX_DELAY_SECONDS, 120),
};

/** Login attempts (and an address's "has logged in here" standing) are kept this long. */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;
