import { describe, expect, it } from "vitest";
import { lastTwelveMonths, presetPeriod } from "@/domain/reports/period";

describe("report periods", () => {
  it("months, including February in a leap year and December", () => {
    expect(presetPeriod("denne-maaned", "2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29", label: "februar 2028" });
    expect(presetPeriod("denne-maaned", "2026-12-31")).toMatchObject({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetPeriod("forrige-maaned", "2026-01-15")).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("tertials as NPR publishes them (Jan–Apr, May–Aug, Sep–Dec)", () => {
    expect(presetPeriod("dette-tertialet", "2026-11-22")).toEqual({ from: "2026-09-01", to: "2026-12-31", label: "3. tertial 2026" });
    expect(presetPeriod("dette-tertialet", "2026-04-30")).toMatchObject({ from: "2026-01-01", to: "2026-04-30" });
    expect(presetPeriod("forrige-tertial", "2026-02-01")).toMatchObject({ from: "2025-09-01", to: "2025-12-31" });
    expect(presetPeriod("forrige-tertial", "2026-05-01")).toMatchObject({ from: "2026-01-01", to: "2026-04-30" });
  });

  it("years and the last twelve months", () => {
    expect(presetPeriod("i-fjor", "2026-11-22")).toMatchObject({ from: "2025-01-01", to: "2025-12-31" });
    expect(presetPeriod("siste-12-maaneder", "2026-11-22")).toMatchObject({ from: "2025-12-01", to: "2026-11-30" });
    expect(presetPeriod("siste-12-maaneder", "2026-12-05")).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    const months = lastTwelveMonths("2026-02-10");
    expect(months[0]).toBe("2025-03-01");
    expect(months[11]).toBe("2026-02-01");
    expect(months).toHaveLength(12);
  });
});
