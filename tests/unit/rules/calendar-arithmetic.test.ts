import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, isValidIsoDate } from "@/domain/rules";

// calendar.ts reads dates of the usual form by arithmetic, not through Date
// and a map (issue 19, speed of the check CLI): it must give exactly what the
// Date round trip gave, for any text.

const MS_PER_DAY = 86_400_000;
const dateDayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
const dateValid = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(dateDayNumber(date) * MS_PER_DAY).toISOString().slice(0, 10) === date;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const usual = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const near = usual.chain((date) => fc.integer({ min: 0, max: 9 }).chain((i) => fc.string({ maxLength: 2 }).map((s) => date.slice(0, i) + s + date.slice(i + 1))));

describe("dates read by arithmetic", () => {
  it("are valid exactly when the Date round trip says so, and count the days Date.UTC counts", () => {
    fc.assert(
      fc.property(fc.oneof(usual, near, fc.string({ maxLength: 12 })), (date) => {
        expect(isValidIsoDate(date)).toBe(dateValid(date));
        if (/^\d{4}-\d{2}-\d{2}$/.test(date)) expect(daysBetween("1970-01-01", date)).toBe(dateDayNumber(date));
      }),
      { numRuns: 20_000 },
    );
  });

  it("know the leap days, the years before 0100 and the months outside 01–12", () => {
    for (const [date, valid] of [["2024-02-29", true], ["2023-02-29", false], ["2000-02-29", true], ["1900-02-29", false], ["0099-01-01", false], ["0100-01-01", true], ["2026-00-10", false], ["2026-13-01", false], ["2026-04-31", false], ["2026-12-31", true], ["9999-12-31", true], ["2026-1-01", false], ["２０２６-01-01", false]] as const) {
      expect(isValidIsoDate(date), date).toBe(valid);
    }
    expect(daysBetween("2026-01-31", "2026-02-31")).toBe(31);
    expect(daysBetween("1970-01-01", "0050-06-01")).toBe(dateDayNumber("0050-06-01"));
  });
});
