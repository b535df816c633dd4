import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/dates";

// Input of the worklist's row actions (server actions and API share them).

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(40, message).regex(/^[a-z0-9-]+$/i, message);
const key = z.string({ error: "Ukjent rad." }).trim().min(1, "Ukjent rad.").max(200, "Ukjent rad.");

export const assignSchema = z.object({
  pathwayId: id("Ukjent forløp."),
  /** empty: no responsible clinician */
  clinicianId: z.union([id("Velg en behandler."), z.literal("")], { error: "Velg en behandler." }).transform((v) => v || null),
});

/** The most rows one bulk assignment takes (a worklist page is 50). */
export const BULK_ASSIGN_MAX = 200;

export const bulkAssignSchema = z.object(
  {
    pathwayIds: z
      .array(id("Ukjent forløp."), { error: "Velg forløp (en liste)." })
      .min(1, "Velg minst én rad.")
      .max(BULK_ASSIGN_MAX, `Høyst ${BULK_ASSIGN_MAX} forløp om gangen.`)
      .refine((ids) => new Set(ids).size === ids.length, "Hvert forløp kan bare stå én gang.")
      .meta({ description: `The pathways (1 to ${BULK_ASSIGN_MAX}, each once)` }),
    clinicianId: id("Velg en behandler.").meta({ description: "The clinician's user id" }),
  },
  { error: "Forespørselen må være et objekt med pathwayIds og clinicianId." },
);

export const explainSchema = z.object({
  pathwayId: id("Ukjent forløp."),
  noticeKey: key,
  justification: z
    .string({ error: "Skriv en begrunnelse." })
    .trim()
    .min(3, "Skriv en begrunnelse (minst 3 tegn).")
    .max(1000, "Begrunnelsen kan være høyst 1000 tegn."),
});

export const postponeSchema = z.object({
  pathwayId: id("Ukjent forløp."),
  itemKey: key,
  until: z.string({ error: "Velg en dato." }).trim().refine(isIsoDate, "Datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
  reason: z
    .string({ error: "Skriv hvorfor raden utsettes." })
    .trim()
    .min(3, "Skriv hvorfor raden utsettes (minst 3 tegn).")
    .max(500, "Begrunnelsen kan være høyst 500 tegn."),
});

export const undoPostponementSchema = z.object({
  pathwayId: id("Ukjent forløp."),
  itemKey: key,
});
