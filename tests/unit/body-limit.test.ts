import { describe, expect, it } from "vitest";
import { IMPORT_TOO_LARGE, refuseOversizedBody } from "../../scripts/lib/body-limit.mjs";
import { IMPORT_TOO_LARGE_MESSAGE, MAX_API_IMPORT_BYTES } from "@/server/epj-import/schema";

// `npm run serve` answers a declared body over 1 MiB before Next reads it; the
// import API's body is the EPJ extract, so its refusal says what to do, in the
// same words as the route's own 413 (a chunked body over the limit).

function refuse(url: string, length: number) {
  const sent: { status?: number; body?: string } = {};
  const request = { url, headers: { "content-length": String(length) }, resume: () => {} };
  const response = { writeHead: (status: number) => (sent.status = status), end: (body: string) => (sent.body = body) };
  const refused = refuseOversizedBody(request, response);
  return { refused, ...sent, json: sent.body ? JSON.parse(sent.body) : null };
}

describe("the server's body limit", () => {
  it("refuses an import over 1 MiB with the import's message, other API calls with the general one", () => {
    expect(IMPORT_TOO_LARGE).toBe(IMPORT_TOO_LARGE_MESSAGE);
    expect(MAX_API_IMPORT_BYTES).toBe(1024 * 1024);
    expect(refuse("/api/v1/units/abc/imports?dryRun=true", MAX_API_IMPORT_BYTES + 1)).toMatchObject({ refused: true, status: 413, json: { error: "body_too_large", message: IMPORT_TOO_LARGE_MESSAGE } });
    expect(refuse("/api/v1/referrals", MAX_API_IMPORT_BYTES + 1).json).toEqual({ error: "body_too_large", message: "Forespørselen er for stor." });
    expect(refuse("/api/v1/units/abc/imports?dryRun=false", MAX_API_IMPORT_BYTES).refused).toBe(false);
  });
});
