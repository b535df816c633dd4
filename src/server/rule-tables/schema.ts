import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/dates";
import { EVENT_DEFINITIONS, OUTCOME_LIST_LETTERS, PATHWAY_TYPES, type DurationSet } from "@/domain/rules";

// The rule tables' versions: the stored values by kind (checked when read
// from the database) and an administrator's new version (checked at the
// edge, Norwegian messages). Day counts are whole calendar days, 1–365.

export const DURATION_FIELDS = ["firstAttendance", "firstAttendanceSevere", "basisAssessment", "extendedAssessment", "firstEvaluation", "evaluation"] as const satisfies readonly (keyof DurationSet)[];
export const SETTINGS = ["poliklinikk", "dogn"] as const;
export const DURATION_KEYS = PATHWAY_TYPES.flatMap((type) => SETTINGS.map((setting) => `${type}:${setting}` as const));
export const EVENT_LETTERS = Object.keys(EVENT_DEFINITIONS) as (keyof typeof EVENT_DEFINITIONS)[];
export const WORKLIST_FIELDS = ["feedbackDays", "closeAfterDecisionDays", "firstAttendanceGraceDays", "inactivityDays"] as const;
export const WORKLIST_KEY = "worklist";

const days = (message: string) =>
  z.coerce.number({ error: message }).int(message).min(1, `${message} (1–365 dager).`).max(365, `${message} (1–365 dager).`);
const outcomeValue = z.object({ code: z.string().regex(/^[A-Z0-9]{1,3}$/), label: z.string().min(1).max(200) });

/** Stored values (the database's jsonb), by kind. */
export const durationValue = z.object({
  durations: z.partialRecord(z.enum(DURATION_FIELDS), z.number().int().min(1).max(365)),
  unconfirmed: z.array(z.enum(DURATION_FIELDS)),
  note: z.string().optional(),
});
export const eventLetterValue = z.object({ label: z.string().min(1) });
export const outcomeListValue = z.object({ values: z.array(outcomeValue).nullable(), suggestions: z.array(outcomeValue).optional() });
export const worklistValue = z.object(Object.fromEntries(WORKLIST_FIELDS.map((f) => [f, z.number().int().min(1).max(365)])) as Record<(typeof WORKLIST_FIELDS)[number], z.ZodNumber>);

const text = (what: string, min: number, max: number) =>
  z.string({ error: `Skriv ${what}.` }).trim().min(min, `Skriv ${what} (minst ${min} tegn).`).max(max, `${what[0].toUpperCase()}${what.slice(1)} kan være høyst ${max} tegn.`);

const common = {
  effectiveFrom: z
    .string({ error: "Velg datoen versjonen gjelder fra." })
    .trim()
    .refine(isIsoDate, "Gyldig fra er ikke en gyldig dato (ÅÅÅÅ-MM-DD).")
    .refine((d) => d >= "2019-01-01", "Gyldig fra kan ikke være før pakkeforløpene ble innført (01.01.2019).")
    .refine((d) => d <= "2099-12-31", "Gyldig fra er for langt fram i tid."),
  source: text("kilden", 3, 300),
  reason: text("hvorfor versjonen legges til", 3, 1000),
};

/** An optional duration field: empty means no such deadline. */
const optionalDays = (label: string) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : v), days(`${label} må være et helt antall dager`).optional());

const DURATION_LABELS: Record<(typeof DURATION_FIELDS)[number], string> = {
  firstAttendance: "Henvisning til første frammøte",
  firstAttendanceSevere: "Første frammøte ved alvorlig tilstand",
  basisAssessment: "Basisutredning",
  extendedAssessment: "Utvidet utredning",
  firstEvaluation: "Første evaluering",
  evaluation: "Evaluering",
};
export const WORKLIST_LABELS: Record<(typeof WORKLIST_FIELDS)[number], string> = {
  feedbackDays: "Tilbakemelding til henviser etter klinisk beslutning",
  closeAfterDecisionDays: "Avslutning etter beslutning om avslutning",
  firstAttendanceGraceDays: "Første frammøte etter start (uten nasjonal frist)",
  inactivityDays: "Ingen hendelse (inaktivt forløp)",
};
export { DURATION_LABELS };

const confirmedFlag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** An administrator's new version. */
export const addVersionSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("DURATION"),
      key: z.enum(DURATION_KEYS, { error: "Velg forløpstype og behandlingsnivå." }),
      ...common,
      confirmed: confirmedFlag,
      durations: z.object(Object.fromEntries(DURATION_FIELDS.map((f) => [f, optionalDays(DURATION_LABELS[f])])) as Record<(typeof DURATION_FIELDS)[number], ReturnType<typeof optionalDays>>),
    }),
    z.object({
      kind: z.literal("EVENT_LETTER"),
      key: z.enum(EVENT_LETTERS, { error: "Velg en hendelseskode." }),
      ...common,
      confirmed: confirmedFlag,
      label: text("navnet på hendelsen", 2, 200),
    }),
    z.object({
      kind: z.literal("OUTCOME_LIST"),
      key: z.enum(OUTCOME_LIST_LETTERS, { error: "Velg en utfallsliste." }),
      ...common,
      confirmed: confirmedFlag,
      /** one value a line, "KODE – navn"; empty: any 1–3 letters or digits */
      values: z
        .string({ error: "Skriv verdiene, én per linje." })
        .max(10_000, "Listen er for lang.")
        .transform((raw, ctx) => {
          const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
          if (lines.length === 0) return null;
          const values: { code: string; label: string }[] = [];
          for (const line of lines) {
            const match = /^([A-Za-z0-9]{1,3})\s*(?:[-–:]\s*)?(.*)$/.exec(line);
            if (!match || !match[2].trim()) {
              ctx.addIssue({ code: "custom", message: `Linjen «${line.slice(0, 40)}» må være en kode på 1–3 bokstaver eller sifre, en strek og et navn.` });
              return z.NEVER;
            }
            const code = match[1].toUpperCase();
            if (values.some((v) => v.code === code)) {
              ctx.addIssue({ code: "custom", message: `Koden ${code} står to ganger.` });
              return z.NEVER;
            }
            values.push({ code, label: match[2].trim().slice(0, 200) });
          }
          return values;
        }),
    }),
    z.object({
      kind: z.literal("WORKLIST"),
      key: z.literal(WORKLIST_KEY, { error: "Ukjent tabell." }),
      ...common,
      thresholds: z.object(Object.fromEntries(WORKLIST_FIELDS.map((f) => [f, days(`${WORKLIST_LABELS[f]} må være et helt antall dager`)])) as Record<(typeof WORKLIST_FIELDS)[number], ReturnType<typeof days>>),
    }),
  ],
  { error: "Velg en tabell." },
);
export type AddVersionInput = z.input<typeof addVersionSchema>;
export type AddVersionData = z.output<typeof addVersionSchema>;
