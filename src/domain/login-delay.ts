// How long an address waits between login attempts for an e-mail that has had
// many attempts (from anywhere) in the current window: nothing for the first
// `freeAttempts`, then `baseDelaySeconds`, doubling with each further attempt,
// never more than `maxDelaySeconds`. Pure: the limiter (src/server/auth/login-limits.ts)
// counts, this decides.

export interface LoginDelaySettings {
  freeAttemptsPerEmail: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

/** Seconds to wait after the `attempt`-th attempt (1-based) for one e-mail in the window. */
export function loginDelaySeconds(attempt: number, settings: LoginDelaySettings): number {
  const beyond = attempt - settings.freeAttemptsPerEmail;
  if (beyond <= 0) return 0;
  // capped before the power can overflow
  return Math.min(settings.baseDelaySeconds * 2 ** Math.min(beyond - 1, 40), settings.maxDelaySeconds);
}
