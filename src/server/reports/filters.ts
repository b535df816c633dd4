import { z } from "@/lib/zod";
import { daysBetween, PATHWAY_TYPES } from "@/domain/rules";
import { PERIOD_PRESETS, presetPeriod, type Period, type PeriodPreset } from "@/domain/reports/period";
import { formatNorwegianDate, isIsoDate, type IsoDate } from "@/lib/dates";

// Report filters in the URL (Norwegian names, bookmarkable): period preset or
// a date range, unit, pathway type. One schema for pages, drill-down and CSV.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v);
const date = (message: string) => z.preprocess(first, z.string().refine(isIsoDate, message).optional());

/**
 * Typed Fra/Til dates mean a custom period, whatever the preset field says (a
 * form without JavaScript sends the preset too): they were ignored unless
 * "Egendefinert" was also chosen.
 */
function datesChooseCustom(input: unknown): unknown {
  if (!input || typeof input !== "object") return input;
  const params = input as Record<string, unknown>;
  const given = (v: unknown) => first(v) !== undefined && first(v) !== null;
  return given(params.fra) || given(params.til) ? { ...params, periode: "egen" } : input;
}

export const reportFilterSchema = z.preprocess(datesChooseCustom, z
  .object({
    periode: z.preprocess(
      first,
      z.enum(Object.keys(PERIOD_PRESETS) as [PeriodPreset, ...PeriodPreset[]], { error: "Ukjent periode." }).default("dette-tertialet"),
    ),
    fra: date("Fra-datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
    til: date("Til-datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
    enhet: z.preprocess(first, z.string().max(40).regex(/^[a-z0-9-]+$/i, "Ugyldig enhet.").optional()),
    type: z.preprocess(first, z.enum(PATHWAY_TYPES, { error: "Ukjent forløpstype." }).optional()),
  })
  .superRefine((f, ctx) => {
    if (f.periode !== "egen") return;
    if (!f.fra) ctx.addIssue({ code: "custom", path: ["fra"], message: "Velg fra-dato for egendefinert periode." });
    if (!f.til) ctx.addIssue({ code: "custom", path: ["til"], message: "Velg til-dato for egendefinert periode." });
    if (f.fra && f.til && f.fra > f.til) ctx.addIssue({ code: "custom", path: ["til"], message: "Til-datoen må være etter fra-datoen." });
    if (f.fra && f.til && daysBetween(f.fra, f.til) > 366 * 5) ctx.addIssue({ code: "custom", path: ["til"], message: "Perioden kan være høyst fem år." });
  }));

export const UNKNOWN_UNIT_MESSAGE = "Enheten i adressen finnes ikke, eller du har ikke tilgang til den. Rapporten viser alle dine enheter.";

/** A unit filter outside the actor's units is dropped (and said so), never read as a unit with no pathways. */
export function withKnownUnit(f: ReportFilters, unitIds: readonly string[]): { filters: ReportFilters; problem: string | null } {
  if (!f.enhet || unitIds.includes(f.enhet)) return { filters: f, problem: null };
  return { filters: { ...f, enhet: undefined }, problem: UNKNOWN_UNIT_MESSAGE };
}
export type ReportFilters = z.infer<typeof reportFilterSchema>;

export function periodOf(f: ReportFilters, today: IsoDate): Period {
  if (f.periode === "egen" && f.fra && f.til) return { from: f.fra, to: f.til, label: `${formatNorwegianDate(f.fra)}–${formatNorwegianDate(f.til)}` };
  return presetPeriod(f.periode === "egen" ? "dette-tertialet" : f.periode, today);
}

export function reportSearchParams(f: ReportFilters, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (f.periode !== "dette-tertialet") params.set("periode", f.periode);
  if (f.periode === "egen") {
    if (f.fra) params.set("fra", f.fra);
    if (f.til) params.set("til", f.til);
  }
  if (f.enhet) params.set("enhet", f.enhet);
  if (f.type) params.set("type", f.type);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params;
}
