// A request whose declared body (Content-Length) is larger than anything the
// app accepts is answered 413 before Next.js reads any of it: Next buffers a
// non-GET request's whole body for the proxy (up to 10 MB) before any of our
// code can refuse it. 1 MiB is the largest body the app takes (a server
// action); API v1 reads at most 64 KiB of it (src/lib/read-limited.ts). A
// chunked body without a length is still buffered by Next up to its limit.

const REQUEST_BODY_LIMIT_BYTES = 1024 * 1024;

const MESSAGE = "Forespørselen er for stor.";

// The import API's body is the EPJ extract itself: its refusal says what to do
// (the same text as IMPORT_TOO_LARGE_MESSAGE in src/server/epj-import/schema.ts).
const IMPORT_PATH = /^\/api\/v1\/units\/[^/?]+\/imports(\?|$)/;
export const IMPORT_TOO_LARGE = "Filen er større enn 1 MiB, som er grensen for API-et. Del uttrekket, eller bruk npm run import.";

/** True when the request was answered here (413); the caller must not hand it on. */
export function refuseOversizedBody(request, response, limit = REQUEST_BODY_LIMIT_BYTES) {
  const declared = Number(request.headers["content-length"]);
  if (!Number.isFinite(declared) || declared <= limit) return false;
  const api = (request.url ?? "").startsWith("/api/");
  const body = api
    ? JSON.stringify({ error: "body_too_large", message: IMPORT_PATH.test(request.url ?? "") ? IMPORT_TOO_LARGE : MESSAGE })
    : `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${MESSAGE}</title></head><body><h1>${MESSAGE}</h1></body></html>`;
  response.writeHead(413, {
    "Content-Type": api ? "application/json" : "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  response.end(body);
  // whatever the client still sends is read and dropped, never kept, so that it gets the answer
  request.resume();
  return true;
}
