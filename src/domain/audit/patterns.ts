// The audit review's patterns worth a look (issue 18): the rules as named
// numbers, one place each. The SQL in src/server/audit-review/patterns.ts
// applies them; the boundaries are tested in tests/unit/audit-patterns.test.ts.

import type { IsoDate } from "@/lib/dates";
import { addCalendarDays, daysBetween, isWorkingDay } from "@/domain/rules";

/** A user who read this many different patients or more … */
export const MANY_PATIENTS_THRESHOLD = 50;
/** … within this many minutes (a sliding window, ending at a read). */
export const MANY_PATIENTS_WINDOW_MINUTES = 60;

/** Working hours on working days, Europe/Oslo: from 07:00 up to (not including) 17:00. */
export const WORKING_HOURS = { from: 7, to: 17 } as const;

/** The longest period the patterns are computed for at once (days, both ends included). */
export const MAX_PATTERN_PERIOD_DAYS = 31;
/** The default period: this many days up to and including today. */
export const DEFAULT_PATTERN_PERIOD_DAYS = 7;

/** Opening one patient's pathway or referral (a page or an API call): the reads "no pathway of one's own" counts. */
export const SINGLE_PATIENT_READS = ["PATHWAY_VIEWED", "REFERRAL_VIEWED"] as const;
/** "Many patients" also counts national ids looked up (a lookup tells whether someone is a patient). */
export const MANY_PATIENTS_READS = [...SINGLE_PATIENT_READS, "PATIENT_LOOKUP"] as const;
/** Reads outside working hours: those, and every response that showed patients in a list. */
export const OUTSIDE_HOURS_READS = [...MANY_PATIENTS_READS, "PATIENT_LIST_VIEWED", "REFERRAL_LIST_VIEWED", "WORKLIST_VIEWED", "EXPORT_DOWNLOADED"] as const;

/** Inside working hours: a working day (not a weekend, not a Norwegian public holiday) and 07:00 ≤ time < 17:00, Oslo clock. */
export function isWithinWorkingHours(osloDate: IsoDate, osloHour: number): boolean {
  return isWorkingDay(osloDate) && osloHour >= WORKING_HOURS.from && osloHour < WORKING_HOURS.to;
}

/** The days of the period that are no working days at all (weekends and public holidays), for the SQL. */
export function nonWorkingDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) if (!isWorkingDay(day)) days.push(day);
  return days;
}

export type PatternPeriodProblem = "order" | "length";

/** Why a period cannot be used for the patterns, or null. */
export function patternPeriodProblem(from: IsoDate, to: IsoDate): PatternPeriodProblem | null {
  if (to < from) return "order";
  if (daysBetween(from, to) + 1 > MAX_PATTERN_PERIOD_DAYS) return "length";
  return null;
}

export function defaultPatternPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarDays(today, -(DEFAULT_PATTERN_PERIOD_DAYS - 1)), to: today };
}
