import type { IsoDate } from "@/lib/dates";
import { TZDate } from "@date-fns/tz";
import { addMonths, endOfMonth, endOfYear, format, startOfMonth, startOfYear, subMonths, subYears } from "date-fns";
import { nb } from "date-fns/locale/nb";

// Report periods: calendar month, tertial (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec,
// as the national indicators are published), year, or any date range.

export const PERIOD_PRESETS = {
  "denne-maaned": "Denne måneden",
  "forrige-maaned": "Forrige måned",
  "dette-tertialet": "Dette tertialet",
  "forrige-tertial": "Forrige tertial",
  "i-aar": "I år",
  "i-fjor": "I fjor",
  "siste-12-maaneder": "Siste 12 måneder",
  egen: "Egendefinert",
} as const;
export type PeriodPreset = keyof typeof PERIOD_PRESETS;

export interface Period {
  from: IsoDate;
  to: IsoDate;
  label: string;
}

// Month arithmetic by date-fns on dates pinned to UTC (TZDate), so the
// server's own time zone never shifts a day; month names from its nb locale.
function dayOf(iso: IsoDate): TZDate {
  const [y, m, d] = iso.split("-").map(Number);
  return new TZDate(y, m - 1, d, "UTC");
}
const isoOf = (date: Date): IsoDate => format(date, "yyyy-MM-dd");
const month = (date: Date): Omit<Period, "label"> => ({ from: isoOf(startOfMonth(date)), to: isoOf(endOfMonth(date)) });

/** "mai 2026" for any day of that month. */
export function monthLabel(day: IsoDate): string {
  return format(dayOf(day), "LLLL yyyy", { locale: nb });
}

function tertial(y: number, t: number): Period {
  const first = new TZDate(y, (t - 1) * 4, 1, "UTC");
  return { from: isoOf(first), to: isoOf(endOfMonth(addMonths(first, 3))), label: `${t}. tertial ${y}` };
}

/** A preset relative to today. Periods may reach past today: open deadlines are not counted until due. */
export function presetPeriod(preset: Exclude<PeriodPreset, "egen">, today: IsoDate): Period {
  const day = dayOf(today);
  const y = day.getFullYear();
  const t = Math.floor(day.getMonth() / 4) + 1;
  switch (preset) {
    case "denne-maaned":
      return { ...month(day), label: monthLabel(today) };
    case "forrige-maaned": {
      const previous = subMonths(startOfMonth(day), 1);
      return { ...month(previous), label: monthLabel(isoOf(previous)) };
    }
    case "dette-tertialet":
      return tertial(y, t);
    case "forrige-tertial":
      return t === 1 ? tertial(y - 1, 3) : tertial(y, t - 1);
    case "i-aar":
      return { from: isoOf(startOfYear(day)), to: isoOf(endOfYear(day)), label: `${y}` };
    case "i-fjor": {
      const last = subYears(day, 1);
      return { from: isoOf(startOfYear(last)), to: isoOf(endOfYear(last)), label: `${y - 1}` };
    }
    case "siste-12-maaneder":
      return { from: isoOf(startOfMonth(subMonths(day, 11))), to: isoOf(endOfMonth(day)), label: "siste 12 måneder" };
  }
}

/** The first day of each of the 12 months ending with today's month, oldest first. */
export function lastTwelveMonths(today: IsoDate): IsoDate[] {
  const first = startOfMonth(dayOf(today));
  return Array.from({ length: 12 }, (_, i) => isoOf(subMonths(first, 11 - i)));
}
