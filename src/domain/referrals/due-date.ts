import type { IsoDate } from "@/lib/dates";
import { addWorkingDays, isWorkingDay, REFERRAL_ASSESSMENT_WORKING_DAYS } from "@/domain/rules";
import { addCalendarDays } from "@/domain/rules/calendar";

// The legal rule for referrals (pasient- og brukerrettighetsloven § 2-2): a
// referral is assessed within 10 working days of its receipt, weekends and
// Norwegian public holidays excluded. The same calendar as the rules engine's
// referral_assessment deadline, so the referral list and a pathway's deadline
// never disagree.

/** The last day the referral may be assessed within the rule. */
export function referralDueDate(received: IsoDate): IsoDate {
  return addWorkingDays(received, REFERRAL_ASSESSMENT_WORKING_DAYS);
}

/**
 * Working days from `today` to `due`: positive while there is time left (the
 * due day counted, today not), 0 on the due day, negative once over (the
 * working days after the due day up to and including today).
 */
export function workingDaysLeft(due: IsoDate, today: IsoDate): number {
  if (today === due) return 0;
  const [from, to, sign] = today < due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) count++;
  return sign * count;
}

/**
 * The latest receipt date whose due date lies before `today`: a referral
 * received on or before it and not yet assessed is over the limit. Due dates
 * never decrease as the receipt date grows, so "over" is a plain date
 * comparison an index can serve.
 */
export function lastOverdueReceipt(today: IsoDate): IsoDate {
  // a due date is at least 10 working days (≥ 14 calendar days) after receipt
  let received = addCalendarDays(today, -14);
  while (referralDueDate(addCalendarDays(received, 1)) < today) received = addCalendarDays(received, 1);
  while (referralDueDate(received) >= today) received = addCalendarDays(received, -1);
  return received;
}


