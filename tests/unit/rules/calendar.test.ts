import { describe, expect, it } from "vitest";
import { addWorkingDays, daysBetween, easterSunday, isNorwegianPublicHoliday, isWorkingDay } from "@/domain/rules";
import { addCalendarDays, fromDayNumber } from "@/domain/rules/calendar";

describe("Norwegian public holidays", () => {
  const EASTER: Record<number, string> = {
    2024: "2024-03-31",
    2025: "2025-04-20",
    2026: "2026-04-05",
    2027: "2027-03-28",
    2028: "2028-04-16",
    2029: "2029-04-01",
    2030: "2030-04-21",
  };
  for (const [year, date] of Object.entries(EASTER)) {
    it(`finds Easter Sunday ${year} and the holidays that hang on it`, () => {
      expect(fromDayNumber(easterSunday(Number(year)))).toBe(date);
      for (const offset of [-3, -2, 0, 1, 39, 49, 50]) expect(isNorwegianPublicHoliday(addCalendarDays(date, offset))).toBe(true);
      expect(isNorwegianPublicHoliday(addCalendarDays(date, -4))).toBe(false); // Wednesday before Easter
    });
  }

  it("knows the fixed holidays and that Christmas Eve and New Year's Eve are not holidays", () => {
    for (const d of ["2026-01-01", "2026-05-01", "2026-05-17", "2026-12-25", "2026-12-26"]) expect(isNorwegianPublicHoliday(d)).toBe(true);
    for (const d of ["2026-12-24", "2026-12-31", "2026-05-16", "2026-05-18"]) expect(isNorwegianPublicHoliday(d)).toBe(false);
  });

  it("treats weekends as non-working days", () => {
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-22")).toBe(false); // Sunday
    expect(isWorkingDay("2026-11-23")).toBe(true);
  });
});

describe("10 working days for assessing a referral", () => {
  const cases: [string, string, string][] = [
    ["an ordinary fortnight", "2026-11-02", "2026-11-16"],
    ["across Easter 2026", "2026-03-27", "2026-04-15"],
    ["across Christmas and New Year", "2026-12-18", "2027-01-05"],
    ["across Ascension (9 May), 17 May and Whit Monday (20 May) 2024", "2024-05-06", "2024-05-23"],
    ["received on a Saturday", "2026-11-21", "2026-12-04"],
  ];
  for (const [name, received, due] of cases) {
    it(name, () => expect(addWorkingDays(received, 10)).toBe(due));
  }
});

describe("calendar days", () => {
  it("counts leap days", () => {
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2025-02-01", "2025-03-01")).toBe(28);
    expect(addCalendarDays("2024-01-20", 42)).toBe("2024-03-02");
  });

  it("is not shifted by the DST changes (last Sunday of March and October)", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(addCalendarDays("2026-03-01", 42)).toBe("2026-04-12");
    expect(addCalendarDays("2026-10-01", 42)).toBe("2026-11-12");
  });
});
