// What Auth.js logs: one line per error, without a stack trace and without
// what the user typed. A refused login is routine (a wrong password, a login
// limit, the database away) and Auth.js's default logger printed a stack
// trace for each. Other errors name their cause (its class and code) so that
// an operator can tell a misconfigured OIDC provider from a database outage.

// Read by shape (Auth.js's errors carry `type`, a refused login `code`): this
// module stays free of next-auth's imports.
type Cause = { name?: unknown; code?: unknown };
type AuthErrorLike = Error & { type?: unknown; code?: unknown };

export function authErrorLine(error: AuthErrorLike): string {
  if (error.type === "CredentialsSignin") return `[auth] Innlogging avvist (${String(error.code)})`;
  const type = typeof error.type === "string" ? error.type : error.name;
  const cause = (error.cause as { err?: Cause } | undefined)?.err;
  const causeName = cause && typeof cause.name === "string" ? cause.name : null;
  const causeCode = cause && (typeof cause.code === "string" || typeof cause.code === "number") ? String(cause.code) : null;
  return `[auth] ${type}${causeName ? `: ${causeName}` : ""}${causeCode ? ` (${causeCode})` : ""}`;
}

export const authLogger = {
  error(error: Error) {
    console.error(authErrorLine(error));
  },
};
