import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import ErrorPage from "../../app/error";
import GlobalError from "../../app/global-error";
import { errorReference, requestErrorLine } from "@/lib/error-reference";

// The error pages show Next's digest as "Referanse: …", and the server logs the
// same digest: support finds the line from what the user reads out. Neither
// carries the error's message (it may name a patient).

const failure = Object.assign(new Error("Kari Nordmann 01018012345 finnes ikke"), { digest: "2871906554" });

describe("error reference", () => {
  it("is the digest, and only a plain one", () => {
    expect(errorReference(failure)).toBe("2871906554");
    expect(errorReference({ digest: "<script>" })).toBeNull();
    expect(errorReference({})).toBeNull();
  });

  it("is logged with the route pattern and the error's class, never its message", () => {
    const line = requestErrorLine(failure, "/forlop/[id]");
    expect(line).toBe("[forløpsvakt] Uventet feil på /forlop/[id]: Error. Referanse: 2871906554");
    expect(line).not.toMatch(/Kari|0101/);
    expect(requestErrorLine(null, "/forlop/01018012345 Kari")).toBe("[forløpsvakt] Uventet feil: Error. Referanse: ingen");
  });

  it.each([
    ["app/error.tsx", () => createElement(ErrorPage, { error: failure, reset: () => {} })],
    ["app/global-error.tsx", () => createElement(GlobalError, { error: failure })],
  ])("%s is Norwegian and shows the reference, not the message", (_file, element) => {
    const html = renderToStaticMarkup(element());
    expect(html).toContain("Noe gikk galt");
    expect(html).toContain("Referanse: 2871906554");
    expect(html).not.toMatch(/Kari|01018012345/);
  });
});
