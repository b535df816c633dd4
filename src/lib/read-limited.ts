// Reads a request body up to a limit: a body that declares (Content-Length) or
// turns out to be larger is refused as soon as that is known. Shared by API v1
// (readJson) and the check of server-action bodies. In front of both, Next.js
// buffers a non-GET body for the proxy (up to 10 MB) before our code runs, so
// `npm run serve` refuses a declared body over 1 MiB before Next reads it
// (scripts/lib/body-limit.mjs); a chunked one is buffered by Next up to its limit.

export class BodyTooLarge extends Error {
  constructor() {
    super("Request body over the limit");
    this.name = "BodyTooLarge";
  }
}

/** The body's bytes; throws BodyTooLarge as soon as more than `maxBytes` are declared or arrived (the rest is not read). */
export async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new BodyTooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
