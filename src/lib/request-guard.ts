import { BodyTooLarge, readLimited } from "./read-limited";

// Checks in proxy.ts, before Next routes a request, for input Next itself
// would answer with a 500: an address whose percent-encoding is broken
// ("/forlop/%zz"), and a server-action call whose body is too large or is not
// the plain argument list our forms send. React's reply format gives strings
// starting with "$" meaning (references to other parts, promises, maps, blobs,
// server functions); a reference to nothing makes React's decoder fail
// ("Connection closed."). Our actions take plain values only, so the only
// "$"-strings a real call carries are React's escapes of plain values.

/** Next's default limit for server-action bodies (experimental.serverActions.bodySizeLimit, not set in next.config.js). */
const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

// "$$…" an escaped string, and the encodings of undefined, NaN, ±Infinity, -0, dates and bigints
const PLAIN_VALUE = /^\$(\$|undefined$|NaN$|-?Infinity$|-0$|D|n-?\d{1,40}$)/;

function hasReference(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.startsWith("$") && !PLAIN_VALUE.test(value);
  if (value === null || typeof value !== "object") return false;
  // deeper than any form sends: refused, since React's decoder recurses to any depth (a 500)
  if (depth > 32) return true;
  return Object.values(value).some((item) => hasReference(item, depth + 1));
}

function refusal(status: 400 | 413, message: string, html: boolean): Response {
  if (!html) return Response.json({ error: status === 413 ? "body_too_large" : "bad_request", message }, { status });
  const page = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Ugyldig adresse</title></head><body><h1>Ugyldig adresse</h1><p>${message}</p><p><a href="/">Til startsiden</a></p></body></html>`;
  return new Response(page, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** A 4xx answer for a request Next would fail on, or null to let it through. */
export async function refuseMalformedRequest(request: Request, pathname: string): Promise<Response | null> {
  if (!isDecodable(pathname)) {
    const html = !pathname.startsWith("/api/");
    return refusal(400, "Adressen er ugyldig (feil tegnkoding). Sjekk lenken, eller gå til startsiden.", html);
  }
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  let text: string;
  try {
    text = new TextDecoder().decode(await readLimited(request, ACTION_BODY_LIMIT_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLarge) return refusal(413, "Forespørselen er for stor.", false);
    throw error;
  }
  // forms with files or the login form: multipart, decoded by Next (its own limit applies)
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return null;
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    return refusal(400, "Forespørselen er ikke gyldig.", false);
  }
  if (!Array.isArray(args) || hasReference(args)) return refusal(400, "Forespørselen er ikke gyldig.", false);
  return null;
}
