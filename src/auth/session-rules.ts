import type { JWT } from "next-auth/jwt";
import { IDLE_TIMEOUT_SECONDS, MAX_SESSION_SECONDS } from "./settings";

// When a signed-in session is still valid, in one place for Auth.js's jwt
// callback, the proxy and the per-request session reader.

/** Seconds between renewals of the session cookie: the idle timeout counts from the last renewal. */
export const RENEW_AFTER_SECONDS = 60;

/** A session that has been idle too long, or has lasted longer than a working day, is over. */
export function sessionExpired(token: JWT, nowSeconds: number): boolean {
  const lastActivity = Number(token.lastActivity ?? 0);
  const loginAt = Number(token.loginAt ?? 0);
  return nowSeconds - lastActivity > IDLE_TIMEOUT_SECONDS || nowSeconds - loginAt > MAX_SESSION_SECONDS;
}

/** The token with this request counted as activity, or null when the session is over. */
export function touchedToken(token: JWT, nowSeconds: number): JWT | null {
  if (sessionExpired(token, nowSeconds)) return null;
  return { ...token, lastActivity: nowSeconds };
}

/** Renew the cookie only now and then: a new token on every request cost a JWE encryption each time. */
export function needsRenewal(token: JWT, nowSeconds: number): boolean {
  return nowSeconds - Number(token.lastActivity ?? 0) >= RENEW_AFTER_SECONDS;
}
