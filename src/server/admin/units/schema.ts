import { CODES_RECORDED_IN } from "@/domain/codes-recorded-in";
import { z } from "@/lib/zod";
import { recordIdSchema } from "@/lib/record-id";
import { PATHWAY_TYPES } from "@/domain/rules";

// What the unit administration takes: the API's operations and the pages'
// server actions parse with these.

export const UNIT_KINDS = ["DPS", "BUP", "TSB"] as const;
export const CARE_SETTINGS = ["POLIKLINIKK", "DOGN"] as const;

export const unitBody = z.object(
  {
    name: z.string({ error: "Skriv inn enhetens navn." }).trim().min(2, "Skriv inn enhetens navn.").max(200, "Navnet er for langt (høyst 200 tegn)."),
    code: z
      .string({ error: "Skriv inn en kode for enheten." })
      .trim()
      .toUpperCase()
      .regex(/^[A-ZÆØÅ0-9][A-ZÆØÅ0-9-]{1,19}$/, "Koden skal ha 2–20 tegn: bokstaver, sifre og bindestrek.")
      .meta({ description: "Short unique code, e.g. BUP-FJ" }),
    kind: z.enum(UNIT_KINDS, { error: "Velg type enhet (DPS, BUP eller TSB)." }),
    setting: z.enum(CARE_SETTINGS, { error: "Velg poliklinikk eller døgn." }),
    pathwayTypes: z
      .array(z.enum(PATHWAY_TYPES, { error: "Ukjent type pakkeforløp." }), { error: "Velg pakkeforløpene enheten tilbyr." })
      .min(1, "Velg minst ett pakkeforløp enheten tilbyr.")
      .max(PATHWAY_TYPES.length, "For mange pakkeforløp.")
      .transform((types) => [...new Set(types)]),
    healthTrust: z.string().trim().max(200, "Helseforetakets navn er for langt.").optional().meta({ description: "Helseforetak; left out: that of the other units" }),
  },
  { error: "Forespørselen må være et objekt med name, code, kind, setting og pathwayTypes." },
);
export type UnitInput = z.output<typeof unitBody>;

export const unitId = recordIdSchema("Ukjent enhet.");

export const adminUnitJson = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  setting: z.enum(CARE_SETTINGS),
  pathwayTypes: z.array(z.enum(PATHWAY_TYPES)),
  active: z.boolean(),
  /** which system holds the unit's pathway codes: the patient record system (EPJ) or Forløpsvakt */
  codesRecordedIn: z.enum(CODES_RECORDED_IN),
});
