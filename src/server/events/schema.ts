import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/dates";

// The input of "register a code", shared by the page's server action and
// POST /api/v1/pathways/{id}/events. Messages are Norwegian, for people.

export const registerEventSchema = z.object({
  code: z
    .string({ error: "Velg en kode." })
    .trim()
    .toUpperCase()
    .min(1, "Velg en kode.")
    .max(8, "Koden er for lang. Bruk en hendelsesbokstav (f.eks. C) eller en prosedyrekode (f.eks. D11CU)."),
  outcome: z
    .string({ error: "Utfallet må være tekst." })
    .trim()
    .toUpperCase()
    .max(3, "Utfallet er høyst tre bokstaver eller sifre.")
    .nullish()
    .transform((v) => v || null),
  activityCode: z
    .string({ error: "Aktivitetskoden må være tekst." })
    .trim()
    .max(20, "Aktivitetskoden er for lang (høyst 20 tegn).")
    .nullish()
    .transform((v) => v || null),
  date: z
    .string({ error: "Dato mangler." })
    .trim()
    .refine(isIsoDate, "Datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
  justification: z
    .string({ error: "Begrunnelsen må være tekst." })
    .trim()
    .max(2000, "Begrunnelsen er for lang (høyst 2000 tegn).")
    .nullish()
    .transform((v) => v || null),
  idempotencyKey: z
    .string({ error: "Ugyldig idempotensnøkkel." })
    .trim()
    .min(8, "Ugyldig idempotensnøkkel.")
    .max(100, "Ugyldig idempotensnøkkel.")
    .regex(/^[A-Za-z0-9_-]+$/, "Ugyldig idempotensnøkkel.")
    .nullish()
    .transform((v) => v || null),
});

export type RegisterEventInput = z.input<typeof registerEventSchema>;
export type RegisterEventData = z.output<typeof registerEventSchema>;
