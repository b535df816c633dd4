// Clinical dates travel as "YYYY-MM-DD" strings (Europe/Oslo calendar dates).
// Prisma returns @db.Date columns as Date objects at UTC midnight; these helpers
// convert without ever going through local time, so no TZ/DST can shift a day.

import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { nb } from "date-fns/locale/nb";

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A @db.Date value (UTC midnight) as "YYYY-MM-DD". */
export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" as the Date Prisma expects for a @db.Date column. */
export function fromIsoDate(value: IsoDate): Date {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date: ${value}`);
  return new Date(`${value}T00:00:00.000Z`);
}

// en-CA formats as YYYY-MM-DD. One formatter for the process: building one
// costs more than a worklist row (it was ~5 % of a worklist request's CPU).
const osloDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Europe/Oslo at a given instant. */
export function osloDateOf(instant: Date): IsoDate {
  return osloDate.format(instant);
}

export function addDays(value: IsoDate, days: number): IsoDate {
  const d = fromIsoDate(value);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

/** "17.05.2026": how Norwegian users read dates. */
export function formatNorwegianDate(value: IsoDate | Date | null | undefined): string {
  if (!value) return "–";
  const iso = typeof value === "string" ? value : toIsoDate(value);
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** "17.05.2026 kl. 14:05": an instant as Norwegian users read it, on the Oslo clock whatever the server's zone. */
export function formatOsloDateTime(instant: Date): string {
  return format(new TZDate(instant, "Europe/Oslo"), "dd.MM.yyyy 'kl.' HH:mm", { locale: nb });
}
