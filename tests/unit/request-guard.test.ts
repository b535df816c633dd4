import { describe, expect, it } from "vitest";
import { refuseMalformedRequest } from "@/lib/request-guard";
import { containsUnsafeText } from "@/lib/safe-text";

// Server-action bodies that React's decoder would fail on with a 500 are
// refused before Next reads them; a reference nested deeper than the guard
// looked used to get through.
const action = (body: string) =>
  new Request("http://localhost/forlop/x", { method: "POST", headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }, body });
const nested = (depth: number, inner: string) => `${"[".repeat(depth)}${inner}${"]".repeat(depth)}`;

describe("the server-action body guard", () => {
  it("lets ordinary arguments through", async () => {
    expect(await refuseMalformedRequest(action(JSON.stringify(["id1", { reason: "Feil pasient", note: "$$ kostet" }])), "/forlop/x")).toBeNull();
  });

  it.each([
    ["a reference at the top", nested(1, '"$Q9"')],
    ["a reference nested 40 deep", nested(40, '"$Q9"')],
    ["nesting 200 000 deep (React's decoder overflows its stack)", nested(200_000, "1")],
  ])("refuses %s with 400", async (_, body) => {
    const response = await refuseMalformedRequest(action(body), "/forlop/x");
    expect(response?.status).toBe(400);
    expect(await response?.json()).toMatchObject({ message: "Forespørselen er ikke gyldig." });
  });

  it("treats text nested deeper than anything we send as unsafe", () => {
    expect(containsUnsafeText(JSON.parse(nested(40, '"ok"')))).toBe(true);
    expect(containsUnsafeText(JSON.parse(nested(3, '"ok"')))).toBe(false);
  });
});
