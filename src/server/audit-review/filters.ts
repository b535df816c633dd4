import { z } from "@/lib/zod";
import { isIsoDate, type IsoDate } from "@/lib/dates";
import { isRecordId } from "@/lib/record-id";
import { AuditAction } from "@/generated/prisma/enums";
import { addCalendarDays } from "@/domain/rules";
import { patternPeriodProblem, MAX_PATTERN_PERIOD_DAYS, defaultPatternPeriod } from "@/domain/audit/patterns";
import type { AuditRowQuery } from "./rows";

// The audit review's filters in the URL (Norwegian names, like the other
// lists). The patient is the internal patient id: the national id is typed
// into the search form, sent by POST and resolved on the server
// (find-patient.ts), never put in an address.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v === "" || v === null ? undefined : v);
const id = (message: string) => z.preprocess(first, z.string().refine(isRecordId, message).optional());
const date = (message: string) => z.preprocess(first, z.string().refine(isIsoDate, message).optional());

export const auditFilterSchema = z
  .object({
    pasient: id("Ugyldig pasient."),
    bruker: id("Ugyldig bruker."),
    handling: z.preprocess(first, z.enum(AuditAction, { error: "Ukjent handling." }).optional()),
    fra: date("Fra-datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
    til: date("Til-datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
    // a row id: a positive bigint (a larger number would be a database error, not "no rows")
    etter: z.preprocess(first, z.string().regex(/^[1-9]\d{0,18}$/, "Ugyldig side.").refine((v) => BigInt(v) <= 9_223_372_036_854_775_807n, "Ugyldig side.").optional()),
  })
  .refine((f) => !f.fra || !f.til || f.fra <= f.til, { message: "Fra-datoen må være før til-datoen.", path: ["til"] });
export type AuditFilters = z.output<typeof auditFilterSchema>;

export function rowQueryOf(f: AuditFilters): AuditRowQuery {
  return { patientId: f.pasient, userId: f.bruker, action: f.handling, from: f.fra, to: f.til, before: f.etter };
}

/** The filters as URL parameters (empty ones left out), for links and the export. */
export function auditFilterParams(f: Partial<AuditFilters>, overrides: Partial<Record<keyof AuditFilters, string | undefined>> = {}) {
  const merged: Record<string, string | undefined> = { ...f, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["pasient", "bruker", "handling", "fra", "til", "etter"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** The access report's period: the given days, by default the last 12 months up to today. */
export function reportPeriod(f: { fra?: IsoDate; til?: IsoDate }, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = f.til ?? today;
  return { from: f.fra ?? addCalendarDays(to, -364), to };
}

export const patternFilterSchema = z
  .object({
    fra: date("Fra-datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
    til: date("Til-datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
  });

export type PatternPeriod = { from: IsoDate; to: IsoDate };

/** The patterns' period (default: the last week), or the Norwegian reason it cannot be used. */
export function patternPeriodOf(f: { fra?: IsoDate; til?: IsoDate }, today: IsoDate): { ok: true; period: PatternPeriod } | { ok: false; message: string } {
  const fallback = defaultPatternPeriod(f.til ?? today);
  const period = { from: f.fra ?? fallback.from, to: f.til ?? (f.fra ? addCalendarDays(f.fra, 6) : fallback.to) };
  const problem = patternPeriodProblem(period.from, period.to);
  if (problem === "order") return { ok: false, message: "Fra-datoen må være før til-datoen." };
  if (problem === "length") return { ok: false, message: `Perioden kan være høyst ${MAX_PATTERN_PERIOD_DAYS} dager.` };
  return { ok: true, period };
}
