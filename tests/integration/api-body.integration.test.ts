import { describe, expect, it } from "vitest";
import { readJson } from "@/server/api/handler";
import { AppError } from "@/server/errors";

// How API v1 reads a request body (every write route calls readJson): a body
// over the limit is refused without being read whole, and text PostgreSQL
// cannot store is refused before it reaches a service. No database needed.

const MB = 1024 * 1024;

/** A POST whose body is `totalBytes` of JSON-ish text, produced only as it is read; counts what was read. */
function streamingRequest(totalBytes: number, headers: Record<string, string> = {}) {
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  let produced = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= totalBytes) return controller.close();
      produced += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/api/v1/worklist/explain", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, produced: () => produced };
}

describe("reading an API request body", () => {
  it("stops reading a 100 MB body (no Content-Length) at the limit and answers 413", async () => {
    const { request, produced } = streamingRequest(100 * MB);
    const error = await readJson(request).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 413, code: "body_too_large", message: "Forespørselen er for stor." });
    expect(produced()).toBeLessThan(1 * MB);
  });

  it("refuses a body whose Content-Length is over the limit before reading any of it", async () => {
    const { request, produced } = streamingRequest(100 * MB, { "content-length": String(100 * MB) });
    const error = await readJson(request).catch((e) => e);
    expect(error).toMatchObject({ status: 413, code: "body_too_large" });
    expect(produced()).toBeLessThanOrEqual(64 * 1024);
  });

  it("reads a body within the limit", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ reason: "Æ".repeat(1000) }) });
    expect(await readJson(request)).toEqual({ reason: "Æ".repeat(1000) });
  });

  it("refuses a NUL character and a lone surrogate, escaped or not, with 400", async () => {
    for (const body of ['{"reason":"a\\u0000b"}', '{"reason":"a\u0000b"}', '{"noticeKey":"\\ud800"}', '{"\\udfff":"x"}', '["\\ud83d"]']) {
      const error = await readJson(new Request("http://localhost/x", { method: "POST", body })).catch((e) => e);
      expect(error, body).toMatchObject({ status: 400, code: "invalid_characters", message: "Forespørselen inneholder ugyldige tegn." });
    }
    // a whole surrogate pair is a character (an emoji), not an error
    expect(await readJson(new Request("http://localhost/x", { method: "POST", body: '{"reason":"\\ud83e\\udde0"}' }))).toEqual({ reason: "🧠" });
  });
});
