import { describe, expect, it } from "vitest";
import { loginUrlFor, safeCallbackPath } from "@/lib/callback-url";

describe("safeCallbackPath: where login may send a user back to", () => {
  it("keeps a path of this site with its query (a bookmarked worklist with filters)", () => {
    expect(safeCallbackPath("/arbeidsliste?type=D11&grunn=merknad")).toBe("/arbeidsliste?type=D11&grunn=merknad");
    expect(safeCallbackPath("/forlop/abc123")).toBe("/forlop/abc123");
  });

  it.each([
    "https://evil.example/x",
    "http://localhost:3000/arbeidsliste",
    "//evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/ok\nLocation: x",
    "arbeidsliste",
    "",
    "/login?callbackUrl=/x",
    "/api/v1/worklist",
    // dot segments that resolve to a protocol-relative "//evil.example"
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/a/..//evil.example",
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });

  it("refuses what is not a string, and what is too long", () => {
    expect(safeCallbackPath(["/a"])).toBeNull();
    expect(safeCallbackPath(undefined)).toBeNull();
    expect(safeCallbackPath(`/${"a".repeat(2000)}`)).toBeNull();
  });

  it("builds the login address that comes back", () => {
    expect(loginUrlFor("/arbeidsliste?type=D11")).toBe("/login?callbackUrl=%2Farbeidsliste%3Ftype%3DD11");
    expect(loginUrlFor("/")).toBe("/login");
    expect(loginUrlFor("https://evil.example")).toBe("/login");
  });
});
