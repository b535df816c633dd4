// Session and login settings, configurable by environment.

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Idle session timeout, counted from the last request (the session row's lastSeenAt; see session-rules.ts). */
export const IDLE_TIMEOUT_SECONDS = Math.round(positiveNumber(process.env.AUTH_IDLE_TIMEOUT_MINUTES, 30) * 60);

/** Absolute session lifetime, whatever the activity (a working day). */
export const MAX_SESSION_SECONDS = Math.round(positiveNumber(process.env.AUTH_MAX_SESSION_HOURS, 12) * 3600);

export const LOGIN_RATE_LIMIT = {
  windowSeconds: positiveNumber(process.env.AUTH_RATE_LIMIT_WINDOW_MINUTES, 15) * 60,
  maxFailuresPerEmail: positiveNumber(process.env.AUTH_RATE_LIMIT_PER_EMAIL, 5),
  maxFailuresPerIp: positiveNumber(process.env.AUTH_RATE_LIMIT_PER_IP, 30),
};
