// The reference a user can quote when a page fails: Next's error `digest`,
// which the server also logs (instrumentation.ts), so support finds the
// server's line from what the user read out. Only the digest, the route's
// pattern (never its ids) and the error's class are logged: an error's message
// can hold patient data (a name in a query, a national id in a URL).

type RequestErrorLike = { name?: unknown; digest?: unknown; code?: unknown };

/** The digest as the error pages show it, or null when Next gave none. */
export function errorReference(error: { digest?: unknown } | null | undefined): string | null {
  const digest = error?.digest;
  return typeof digest === "string" && /^[\w-]{1,64}$/.test(digest) ? digest : null;
}

/** The server's log line for an error a request did not handle. */
export function requestErrorLine(error: unknown, routePath: string | undefined): string {
  const e = (error ?? {}) as RequestErrorLike;
  const name = typeof e.name === "string" ? e.name : "Error";
  const code = typeof e.code === "string" || typeof e.code === "number" ? ` (${String(e.code)})` : "";
  const route = typeof routePath === "string" && /^[\w/[\].()@-]{1,200}$/.test(routePath) ? ` på ${routePath}` : "";
  return `[forløpsvakt] Uventet feil${route}: ${name}${code}. Referanse: ${errorReference(e) ?? "ingen"}`;
}
