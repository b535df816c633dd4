import type { IsoDate } from "@/lib/dates";
import { addCalendarDays } from "@/domain/rules";

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

const pad = (n: number) => String(n).padStart(2, "0");
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
/** The last day of month m (1–12) of year y. */
const monthEnd = (y: number, m: number) => addCalendarDays(m === 12 ? monthStart(y + 1, 1) : monthStart(y, m + 1), -1);

const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

export function monthLabel(month: IsoDate): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

function tertial(y: number, t: number): Period {
  const first = (t - 1) * 4 + 1;
  return { from: monthStart(y, first), to: monthEnd(y, first + 3), label: `${t}. tertial ${y}` };
}

/** A preset relative to today. Periods may reach past today: open deadlines are not counted until due. */
export function presetPeriod(preset: Exclude<PeriodPreset, "egen">, today: IsoDate): Period {
  const [y, m] = today.split("-").map(Number);
  const t = Math.ceil(m / 4);
  switch (preset) {
    case "denne-maaned":
      return { from: monthStart(y, m), to: monthEnd(y, m), label: monthLabel(today) };
    case "forrige-maaned": {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: monthStart(py, pm), to: monthEnd(py, pm), label: monthLabel(monthStart(py, pm)) };
    }
    case "dette-tertialet":
      return tertial(y, t);
    case "forrige-tertial":
      return t === 1 ? tertial(y - 1, 3) : tertial(y, t - 1);
    case "i-aar":
      return { from: `${y}-01-01`, to: `${y}-12-31`, label: `${y}` };
    case "i-fjor":
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31`, label: `${y - 1}` };
    case "siste-12-maaneder":
      return { from: m === 12 ? monthStart(y, 1) : monthStart(y - 1, m + 1), to: monthEnd(y, m), label: "siste 12 måneder" };
  }
}

/** The first day of each of the 12 months ending with today's month, oldest first. */
export function lastTwelveMonths(today: IsoDate): IsoDate[] {
  const [y, m] = today.split("-").map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const index = y * 12 + (m - 1) - 11 + i;
    return monthStart(Math.floor(index / 12), (index % 12) + 1);
  });
}
