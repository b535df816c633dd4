import { describe, expect, it } from "vitest";
import { changeText, codingLag, countNoun, lagSummary, pageOf, pointText, previousPeriod, shareChange } from "@/domain/reports/compare";
import { drillDownDetail, drillDownTitle } from "@/domain/reports/drill-down-text";
import { presetPeriod } from "@/domain/reports/period";

// The clock is pinned: every date here is given, none is read.
const TODAY = "2026-11-22";

describe("the previous period", () => {
  it("is as long as the period and ends the day before it starts", () => {
    // 3rd tertial 2026 (122 days) → the 122 days before it, not the 2nd tertial (123 days)
    const tertial = presetPeriod("dette-tertialet", TODAY);
    expect(previousPeriod(tertial)).toEqual({ from: "2026-05-02", to: "2026-08-31" });
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousPeriod({ from: "2026-01-01", to: "2026-01-01" })).toEqual({ from: "2025-12-31", to: "2025-12-31" });
    // a leap year's February 29 is one of the days
    expect(previousPeriod({ from: "2028-03-01", to: "2028-03-02" })).toEqual({ from: "2028-02-28", to: "2028-02-29" });
  });

  it("the change is in whole percentage points, and nothing when either side measured nothing", () => {
    expect(shareChange(0.8, 0.75)).toBe(5);
    expect(shareChange(0.5, 2 / 3)).toBe(-17);
    expect(shareChange(null, 0.5)).toBeNull();
    expect(shareChange(0.5, null)).toBeNull();
    expect([changeText(5), changeText(-17), changeText(0), changeText(null)]).toEqual(["+5 pp", "−17 pp", "±0 pp", "–"]);
  });
});

describe("a trend point says its n", () => {
  it("1 of 1 and 0 of 3 are told apart from many, and an empty month is not 0 %", () => {
    expect(pointText({ numerator: 1, denominator: 1 })).toBe("100 % (1 av 1)");
    expect(pointText({ numerator: 0, denominator: 3 })).toBe("0 % (0 av 3)");
    expect(pointText({ numerator: 0, denominator: 0 })).toBe("ingen målt (0 av 0)");
    expect(pointText({ numerator: 83, denominator: 100 })).toBe("83 % (83 av 100)");
  });
});

describe("drill-down pages", () => {
  it("side x av y, a page past the end is the last one, junk is the first", () => {
    expect(pageOf(0, 1, 100)).toEqual({ page: 1, pages: 1, offset: 0 });
    expect(pageOf(250, 2, 100)).toEqual({ page: 2, pages: 3, offset: 100 });
    expect(pageOf(250, 9, 100)).toEqual({ page: 3, pages: 3, offset: 200 });
    expect(pageOf(250, 0, 100)).toEqual({ page: 1, pages: 3, offset: 0 });
    expect(pageOf(250, Number.NaN, 100)).toEqual({ page: 1, pages: 3, offset: 0 });
    expect(pageOf(200, 2, 100)).toEqual({ page: 2, pages: 2, offset: 100 });
  });

  it("the count names what it counts: deadlines, decisions, notices or pathways", () => {
    expect([countNoun("frist", 1), countNoun("frist", 4)]).toEqual(["frist", "frister"]);
    expect([countNoun("tilbakemelding", 1), countNoun("tilbakemelding", 2)]).toEqual(["klinisk beslutning", "kliniske beslutninger"]);
    expect([countNoun("merknad", 1), countNoun("merknad", 0)]).toEqual(["oppmerksomhet", "oppmerksomheter"]);
    expect(countNoun("involvering", 3)).toBe("forløp");
  });

  it("titles and details are Norwegian text, never an internal id", () => {
    expect(drillDownTitle({ hva: "tilbakemelding", utfall: "uten" })).toBe("Kliniske beslutninger: uten tilbakemelding");
    expect(drillDownTitle({ hva: "frist", kind: "referral_assessment", utfall: "brudd", maaned: "2026-10-01" })).toMatch(/innen 10 virkedager: ikke innen anbefalt tid \(2026-10\)$/);
    expect(drillDownDetail("frist", { daysLate: 3, cause: "patient", label: null })).toBe("3 dager for sent (pasientutsatt)");
    expect(drillDownDetail("merknad", { daysLate: null, cause: null, label: "C_WITHOUT_M" })).not.toContain("C_WITHOUT_M");
    expect(drillDownDetail("tilbakemelding", { daysLate: null, cause: null, label: "P" })).toBe("Utfall P");
  });
});

describe("coding lag", () => {
  it("median (the lower middle) and the share over 7 days", () => {
    expect(codingLag([])).toEqual({ events: 0, median: null, late: 0, lateShare: null });
    expect(codingLag([0, 8, 1])).toEqual({ events: 3, median: 1, late: 1, lateShare: 1 / 3 });
    // exactly 7 days is not late; the even count takes the lower middle (as percentile_disc)
    expect(codingLag([7, 30, 2, 9])).toEqual({ events: 4, median: 7, late: 2, lateShare: 0.5 });
  });

  it("from a histogram (what the SQL counts): the same as from the list", () => {
    expect(lagSummary([{ lag: 9, count: 1 }, { lag: 0, count: 3 }, { lag: 8, count: 2 }])).toEqual(codingLag([0, 0, 0, 8, 8, 9]));
    expect(lagSummary([{ lag: 0, count: 3 }, { lag: 8, count: 2 }, { lag: 9, count: 1 }])).toMatchObject({ median: 0, late: 3, lateShare: 0.5 });
    expect(lagSummary([{ lag: 2, count: 0 }])).toEqual({ events: 0, median: null, late: 0, lateShare: null });
  });
});
