import { describe, expect, it } from "vitest";
import { lastOverdueReceipt, referralDueDate, workingDaysLeft } from "@/domain/referrals";
import { addCalendarDays } from "@/domain/rules/calendar";

// § 2-2: a referral is assessed within 10 working days. The holidays around
// Christmas and Easter are where a calendar-day or weekday count goes wrong.

describe("the 10-working-day due date of a referral", () => {
  it("counts ten weekdays after a plain receipt (the day of receipt not counted)", () => {
    expect(referralDueDate("2026-11-02")).toBe("2026-11-16"); // Monday → Monday two weeks on
    expect(referralDueDate("2026-11-07")).toBe("2026-11-20"); // received on a Saturday
  });

  it("skips Christmas Day, Boxing Day and New Year's Day, but counts Christmas Eve and New Year's Eve", () => {
    // 21, 22, 23, 24 Dec, (25, 26 holidays), 28, 29, 30, 31 Dec, (1 Jan holiday), 4, 5 Jan
    expect(referralDueDate("2026-12-18")).toBe("2027-01-05");
    expect(referralDueDate("2026-12-24")).toBe("2027-01-11");
  });

  it("skips Maundy Thursday, Good Friday and Easter Monday", () => {
    // Easter Sunday 2027 is 28 March: 22–24 March, then 30 March – 7 April
    expect(referralDueDate("2027-03-19")).toBe("2027-04-07");
    // Easter Sunday 2026 is 5 April
    expect(referralDueDate("2026-03-27")).toBe("2026-04-15");
  });

  it("says how many working days are left, 0 on the due day, and how many over", () => {
    expect(workingDaysLeft("2027-01-05", "2026-12-23")).toBe(7); // 24, 28, 29, 30, 31 Dec, 4, 5 Jan
    expect(workingDaysLeft("2027-01-05", "2027-01-05")).toBe(0);
    expect(workingDaysLeft("2027-01-05", "2027-01-06")).toBe(-1);
    expect(workingDaysLeft("2027-04-07", "2027-03-24")).toBe(7); // not 10: three Easter holidays in between
    expect(workingDaysLeft("2026-12-23", "2026-12-28")).toBe(-2); // 24 Dec and 28 Dec
  });

  it("finds the last receipt date that is over the limit today", () => {
    // received Sun 20 Dec → due 5 Jan (over on the 6th); received Mon 21 Dec → due 6 Jan
    expect(lastOverdueReceipt("2027-01-06")).toBe("2026-12-20");
  });

  it("agrees with the due date for every receipt date around Christmas and Easter", () => {
    for (const start of ["2026-12-10", "2027-03-10", "2027-05-05"]) {
      for (let t = 0; t < 40; t++) {
        const today = addCalendarDays(start, t);
        const last = lastOverdueReceipt(today);
        for (let r = -40; r <= 0; r++) {
          const received = addCalendarDays(today, r);
          expect(received <= last, `received ${received}, today ${today}`).toBe(referralDueDate(received) < today);
        }
      }
    }
  });
});
