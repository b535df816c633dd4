import { z } from "@/lib/zod";
import { PATHWAY_TYPES } from "@/domain/rules";
import { WORKLIST_RULES, type WorklistReason } from "@/domain/worklist";

// The worklist's filters live in the URL (Norwegian parameter names, so a
// bookmarked or shared link reads naturally). One schema for the page, the
// CSV export and the API.

/** What the user filters on: deadlines split into overdue and due soon. */
export const REASON_FILTERS = {
  fristbrudd: { label: "Fristbrudd: juridisk frist passert", reason: "LEGAL_DEADLINE_BREACHED" },
  "juridisk-frist": { label: "Juridisk frist innen horisonten", reason: "LEGAL_DEADLINE" },
  forfalt: { label: "Forfalte frister", reason: "DEADLINE", overdue: true },
  snart: { label: "Frister innen horisonten", reason: "DEADLINE", overdue: false },
  henvisning: { label: "Henvisning ikke vurdert innen 10 virkedager", reason: "REFERRAL_NOT_ASSESSED" },
  "uten-m": { label: "Startet uten første fremmøte", reason: "NO_FIRST_ATTENDANCE" },
  tilbakemelding: { label: "Beslutning uten tilbakemelding til henviser", reason: "FEEDBACK_MISSING" },
  avslutning: { label: "Utfall S, K, A eller I, forløpet er åpent", reason: "OUTCOME_NOT_CLOSED" },
  merknad: { label: "Merknader som ikke er forklart", reason: "NOTICE_UNEXPLAINED" },
  inaktiv: { label: `Ingen hendelse på ${WORKLIST_RULES.inactivityDays} dager`, reason: "INACTIVE" },
  samtidig: { label: "Samtidige forløp for samme pasient", reason: "CONCURRENT" },
} as const satisfies Record<string, { label: string; reason: WorklistReason; overdue?: boolean }>;
export type ReasonFilter = keyof typeof REASON_FILTERS;

/** The group (reason filter) a row belongs to. */
export function groupOf(reason: WorklistReason, dueOn: string, today: string): ReasonFilter {
  if (reason === "DEADLINE") return dueOn < today ? "forfalt" : "snart";
  return (Object.keys(REASON_FILTERS) as ReasonFilter[]).find((slug) => REASON_FILTERS[slug].reason === reason)!;
}

/** Default: grouped in the order of REASON_FILTERS (the reasons' rank), most days late first within each group. */
export const SORTS = { grunn: "Gruppert etter grunn", frist: "Alle etter frist" } as const;
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
    z.enum(Object.keys(REASON_FILTERS) as [ReasonFilter, ...ReasonFilter[]], { error: "Ukjent grunn." }).optional(),
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
