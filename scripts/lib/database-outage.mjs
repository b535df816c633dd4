// A page whose data cannot be read because the database is down or stalled
// must answer 503 with a clear Norwegian message, like the API does. Next.js
// 16 lets a page choose only 404/403/401 or a redirect; anything it throws
// becomes a 500. So the server around Next does it: each request runs with a
// small record (AsyncLocalStorage) that instrumentation.ts's onRequestError
// marks when the error was "the database is not there"
// (src/server/request-outcome.ts); when Next then starts a 5xx answer for a
// marked request, this answers 503 with Retry-After and its own page (or
// JSON under /api/) instead. An answer already under way is left alone.
import { AsyncLocalStorage } from "node:async_hooks";

const outcomes = (globalThis[Symbol.for("forlopsvakt.requestOutcome")] ??= new AsyncLocalStorage());

export const OUTAGE_MESSAGE = "Databasen svarer ikke. Prøv igjen om litt.";
const RETRY_AFTER_SECONDS = "5";

const OUTAGE_PAGE = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Databasen svarer ikke – Forløpsvakt</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}main{max-width:36rem;margin:3rem auto;padding:0 1rem}h1{font-size:1.5rem}a{color:#1e40af}</style>
</head>
<body>
<main>
<h1>Databasen svarer ikke</h1>
<p>${OUTAGE_MESSAGE} Ingenting er endret av denne forespørselen.</p>
<p><a href="">Last siden på nytt</a></p>
</main>
</body>
</html>
`;

// headers Next set for its own body: they do not describe ours
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "etag", "cache-control", "vary", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"];

/** Runs `handle(request, response)` so that a database outage answers 503. */
export function handleWithOutageStatus(request, response, handle) {
  const outcome = { databaseUnavailable: false };
  const { writeHead, write, end } = response;
  let replaced = false;
  // Installed before Next's handler runs, so that its compression (which
  // keeps the write and end it found) writes through these: once replaced,
  // Next's own body is dropped and ours goes out at its end.
  response.writeHead = function (status, ...rest) {
    if (replaced || !(status >= 500 && outcome.databaseUnavailable)) return writeHead.call(this, status, ...rest);
    replaced = true;
    for (const name of BODY_HEADERS) this.removeHeader(name);
    writeHead.call(this, 503, {
      "Content-Type": isApi(request) ? "application/json" : "text/html; charset=utf-8",
      "Content-Length": Buffer.byteLength(outageBody(request)),
      "Cache-Control": "no-store",
      "Retry-After": RETRY_AFTER_SECONDS,
    });
    return this;
  };
  // the first write or end sends the headers: decide before Node does
  const decide = (res) => {
    if (!res.headersSent && res.statusCode >= 500 && outcome.databaseUnavailable) res.writeHead(res.statusCode);
  };
  response.write = function (chunk, encoding, callback) {
    decide(this);
    if (!replaced) return write.call(this, chunk, encoding, callback);
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
  response.end = function (chunk, encoding, callback) {
    decide(this);
    if (!replaced) return end.call(this, chunk, encoding, callback);
    const done = [chunk, encoding, callback].find((a) => typeof a === "function");
    if (this.writableEnded) {
      if (done) process.nextTick(done);
      return this;
    }
    return end.call(this, request.method === "HEAD" ? undefined : outageBody(request), done);
  };
  return outcomes.run(outcome, () => handle(request, response));
}

const isApi = (request) => (request.url ?? "").startsWith("/api/");
const OUTAGE_JSON = JSON.stringify({ error: "database_unavailable", message: OUTAGE_MESSAGE });
const outageBody = (request) => (isApi(request) ? OUTAGE_JSON : OUTAGE_PAGE);
