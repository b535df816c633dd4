import { z } from "@/lib/zod";
import { PATHWAY_TYPES } from "@/domain/rules";
import { GROUP_SLUGS, groupOf, WORKLIST_GROUPS, WORKLIST_RULES, type WorklistGroupSlug } from "@/domain/worklist";

// The worklist's filters live in the URL (Norwegian parameter names, so a
// bookmarked or shared link reads naturally). One schema for the page, the
// CSV export and the API.

/** What the user filters on: the urgency groups (deadlines split into overdue and due soon), in urgency order. */
export const REASON_FILTERS = WORKLIST_GROUPS;
export type ReasonFilter = WorklistGroupSlug;
export { groupOf };

/** Default: the urgency order (WORKLIST_GROUPS), oldest date first within each group; or every deadline by date, notices last. */
export const SORTS = { grunn: "Mest akutt først, gruppert", frist: "Alle etter frist" } as const;
export type WorklistSort = keyof typeof SORTS;

const optionalId = z.string().trim().max(40).regex(/^[a-z0-9-]*$/i, "Ugyldig verdi.").optional().transform((v) => v || undefined);
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : Array.isArray(v) ? v[0] : v);

export const worklistFilterSchema = z.object({
  enhet: optionalId,
  type: z.preprocess(emptyToUndefined, z.enum(PATHWAY_TYPES, { error: "Ukjent forløpstype." }).optional()),
  setting: z.preprocess(emptyToUndefined, z.enum(["POLIKLINIKK", "DOGN"], { error: "Ukjent omsorgsnivå." }).optional()),
  /** a user id, or "ingen" for pathways without a responsible clinician */
  behandler: z.preprocess(emptyToUndefined, z.string().trim().max(40).regex(/^[a-z0-9-]+$/i, "Ugyldig behandler.").optional()),
  grunn: z.preprocess(
    emptyToUndefined,
    z.enum(GROUP_SLUGS, { error: "Ukjent grunn." }).optional(),
  ),
  horisont: z.preprocess(
    (v) => emptyToUndefined(v) ?? WORKLIST_RULES.defaultHorizonDays,
    z.coerce
      .number({ error: "Horisonten må være et antall dager." })
      .int("Horisonten må være et helt antall dager.")
      .min(0, "Horisonten kan ikke være negativ.")
      .max(WORKLIST_RULES.maxHorizonDays, `Horisonten kan være høyst ${WORKLIST_RULES.maxHorizonDays} dager.`),
  ),
  sortering: z.preprocess(emptyToUndefined, z.enum(["grunn", "frist"], { error: "Ukjent sortering." }).default("grunn")),
  etter: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
});
export type WorklistFilters = z.infer<typeof worklistFilterSchema>;

/** The filters as URL parameters (defaults left out), for links and the export. */
export function filtersToSearchParams(filters: WorklistFilters, overrides: Partial<Record<keyof WorklistFilters, string | number | undefined>> = {}) {
  const merged: Record<string, unknown> = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const key of ["enhet", "type", "setting", "behandler", "grunn", "horisont", "sortering", "etter"] as const) {
    const value = merged[key];
    if (value === undefined || value === "") continue;
    if (key === "horisont" && Number(value) === WORKLIST_RULES.defaultHorizonDays) continue;
    if (key === "sortering" && value === "grunn") continue;
    params.set(key, String(value));
  }
  return params;
}
