import { describe, expect, it } from "vitest";
import { addDays, formatNorwegianDate, formatOsloDateTime, fromIsoDate, isIsoDate, osloDateOf, toIsoDate } from "@/lib/dates";

describe("date-only clinical dates", () => {
  it("round-trips a @db.Date value without shifting the day", () => {
    for (const d of ["2026-03-29", "2026-10-25", "2024-02-29", "2026-12-31"]) expect(toIsoDate(fromIsoDate(d))).toBe(d);
  });

  it("rejects impossible dates", () => {
    expect(isIsoDate("2025-02-30")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-2-3")).toBe(false);
    expect(() => fromIsoDate("2025-02-30")).toThrow(RangeError);
  });

  it("adds days across the DST changes (spring forward, fall back)", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("takes today's date in Oslo, not in UTC", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Oslo (UTC+1 in winter).
    expect(osloDateOf(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    // 22:30 UTC in summer is 00:30 the next day in Oslo (UTC+2).
    expect(osloDateOf(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(osloDateOf(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
  });

  it("formats dates the Norwegian way", () => {
    expect(formatNorwegianDate("2026-05-17")).toBe("17.05.2026");
    expect(formatNorwegianDate(null)).toBe("–");
  });

  it("shows instants on the Oslo clock, in winter and in summer", () => {
    expect(formatOsloDateTime(new Date("2026-01-15T13:05:00Z"))).toBe("15.01.2026 kl. 14:05");
    expect(formatOsloDateTime(new Date("2026-06-30T22:30:00Z"))).toBe("01.07.2026 kl. 00:30");
  });
});
