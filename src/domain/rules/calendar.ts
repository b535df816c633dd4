// Calendar arithmetic on "YYYY-MM-DD" strings via UTC day numbers: no local
// time is ever involved, so no time zone or DST change can shift a day.
// Deliberately not date-fns (used for report periods and display): the engine
// runs this for every event of every pathway (millions in a recompute), and
// cached integer day numbers cost a map lookup where date-fns would build and
// compare Date objects for each step (npm run bench:rules).

import type { IsoDate } from "@/lib/dates";

const MS_PER_DAY = 86_400_000;

// Caches: the same few thousand dates recur across millions of events.
const dayByIso = new Map<string, number>();
const validDates = new Map<string, boolean>();

function toDayNumber(date: IsoDate): number {
  // a date of the usual form by arithmetic, without a map lookup (the engine and the check CLI
  // ask for millions: the lookup of a new string was a tenth of the CLI's time); the rest as before
  const fast = civilDayNumber(date);
  if (fast !== null) return fast;
  let day = dayByIso.get(date);
  if (day === undefined) {
    day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
    if (dayByIso.size < 200_000) dayByIso.set(date, day);
  }
  return day;
}

const digitAt = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - 0x30;
  return d >= 0 && d <= 9 ? d : -1;
};

/**
 * "YYYY-MM-DD" with a year of at least 0100 (Date.UTC reads 0–99 as
 * 1900–1999) and a month 01–12 as the number YYYYMMDD (any day 00–99); -1
 * for any other text.
 */
function usualForm(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 0x2d || date.charCodeAt(7) !== 0x2d) return -1;
  const y1 = digitAt(date, 0), y2 = digitAt(date, 1), y3 = digitAt(date, 2), y4 = digitAt(date, 3);
  const m1 = digitAt(date, 5), m2 = digitAt(date, 6), d1 = digitAt(date, 8), d2 = digitAt(date, 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) return -1;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  if (year < 100 || month < 1 || month > 12) return -1;
  return year * 10_000 + month * 100 + d1 * 10 + d2;
}

/**
 * What `Date.UTC(year, month − 1, day) / MS_PER_DAY` gives for a date of the
 * usual form (a day past the month's end counted on, as Date.UTC does); null
 * for any other text. Days from civil (H. Hinnant), proleptic Gregorian as Date.
 */
function civilDayNumber(date: string): number | null {
  const ymd = usualForm(date);
  if (ymd < 0) return null;
  const year = Math.floor(ymd / 10_000);
  const month = Math.floor(ymd / 100) % 100;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468 + (ymd % 100) - 1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Day numbers 0 … 2^17 (1970 – 2328) map to ISO strings through an array
// (cheaper than a map lookup), the rest through a map.
const ARRAY_DAYS = 1 << 17;
const isoByDayInRange: (IsoDate | undefined)[] = [];
const isoByDayOutside = new Map<number, IsoDate>();
const workingDayResults = new Map<number, Map<IsoDate, IsoDate>>();

export function fromDayNumber(day: number): IsoDate {
  const inRange = day >= 0 && day < ARRAY_DAYS && Number.isInteger(day);
  let iso = inRange ? isoByDayInRange[day] : isoByDayOutside.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (inRange) {
      // Fill any gap first so the array stays dense (holes would slow every lookup).
      for (let i = isoByDayInRange.length; i < day; i++) isoByDayInRange.push(undefined);
      isoByDayInRange[day] = iso;
    } else isoByDayOutside.set(day, iso);
  }
  return iso;
}

/** b − a in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  // the usual form by arithmetic (as toDayNumber), the same answer as the round trip below
  const ymd = usualForm(value);
  if (ymd >= 0) {
    const year = Math.floor(ymd / 10_000);
    const month = Math.floor(ymd / 100) % 100;
    const day = ymd % 100;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
  }
  let valid = validDates.get(value);
  if (valid === undefined) {
    valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDayNumber(toDayNumber(value)) === value;
    if (validDates.size < 100_000) validDates.set(value, valid);
  }
  return valid;
}

/** Easter Sunday (Gregorian, anonymous algorithm) as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

const holidayCache = new Map<number, Set<number>>();

/**
 * Norwegian public holidays (helligdager): 1 Jan, Maundy Thursday, Good Friday,
 * Easter Sunday and Monday, 1 May, 17 May, Ascension Day, Whit Sunday and
 * Monday, 25 and 26 Dec. Christmas Eve and New Year's Eve are not public holidays.
 */
function publicHolidays(year: number): Set<number> {
  let days = holidayCache.get(year);
  if (!days) {
    const easter = easterSunday(year);
    const fixed = (m: number, d: number) => Date.UTC(year, m - 1, d) / MS_PER_DAY;
    days = new Set([
      fixed(1, 1),
      easter - 3,
      easter - 2,
      easter,
      easter + 1,
      fixed(5, 1),
      fixed(5, 17),
      easter + 39,
      easter + 49,
      easter + 50,
      fixed(12, 25),
      fixed(12, 26),
    ]);
    holidayCache.set(year, days);
  }
  return days;
}

function isWorkingDayNumber(day: number): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(fromDayNumber(day).slice(0, 4));
  return !publicHolidays(year).has(day);
}

export function isNorwegianPublicHoliday(date: IsoDate): boolean {
  return publicHolidays(Number(date.slice(0, 4))).has(toDayNumber(date));
}

export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

/** The date n working days after `date` (the start day itself is not counted). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  let byDate = workingDayResults.get(n);
  if (byDate === undefined) workingDayResults.set(n, (byDate = new Map()));
  const cached = byDate.get(date);
  if (cached !== undefined) return cached;
  let day = toDayNumber(date);
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDayNumber(day)) left -= 1;
  }
  const result = fromDayNumber(day);
  byDate.set(date, result);
  return result;
}
