import { describe, expect, it } from "vitest";
import { periodOf, reportFilterSchema, UNKNOWN_UNIT_MESSAGE, withKnownUnit } from "@/server/reports/filters";

describe("report filters", () => {
  it("typed Fra/Til dates choose the custom period, whatever preset the form sent", () => {
    const f = reportFilterSchema.parse({ periode: "dette-tertialet", fra: "2026-01-01", til: "2026-03-31", enhet: "" });
    expect(f.periode).toBe("egen");
    expect(periodOf(f, "2026-11-22")).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });
    // no dates: the preset stands
    expect(reportFilterSchema.parse({ periode: "i-fjor", fra: "", til: "" }).periode).toBe("i-fjor");
    // one date alone: a custom period missing its other end is said so
    const half = reportFilterSchema.safeParse({ periode: "i-fjor", fra: "2026-01-01" });
    expect(half.success ? [] : half.error.issues.map((i) => i.message)).toEqual(["Velg til-dato for egendefinert periode."]);
  });

  it("a unit outside the user's units is dropped and said plainly, never read as '0 enheter'", () => {
    const f = reportFilterSchema.parse({ enhet: "ukjent-enhet" });
    expect(withKnownUnit(f, ["u1", "u2"])).toEqual({ filters: { ...f, enhet: undefined }, problem: UNKNOWN_UNIT_MESSAGE });
    const own = reportFilterSchema.parse({ enhet: "u1" });
    expect(withKnownUnit(own, ["u1", "u2"])).toEqual({ filters: own, problem: null });
  });
});
