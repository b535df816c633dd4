import { z } from "@/lib/zod";
import { PATHWAY_TYPES } from "@/domain/rules";
import { isIsoDate } from "@/lib/dates";
import { nationalIdField } from "@/server/patients/schema";

const isoDate = (missing: string) =>
  z.string({ error: missing }).trim().refine(isIsoDate, "Datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD).");

const optionalText = (max: number, tooLong: string) =>
  z.string().trim().max(max, tooLong).nullish().transform((v) => v || null);

// "New pathway": a pakkeforløp started for a patient from a referral.
export const createPathwaySchema = z
  .object({
    nationalId: nationalIdField,
    // Always required, new patient or not: asking only for new ones would
    // tell the user whether the national id is known (see patients/link.ts).
    patientName: z
      .string({ error: "Skriv inn pasientens fulle navn." })
      .trim()
      .min(2, "Skriv inn pasientens fulle navn.")
      .max(200, "Navnet er for langt (høyst 200 tegn)."),
    unitId: z.string({ error: "Velg enhet." }).min(1, "Velg enhet.").max(64),
    type: z.enum(PATHWAY_TYPES, { error: "Velg type pakkeforløp." }),
    setting: z.enum(["POLIKLINIKK", "DOGN"], { error: "Velg poliklinikk eller døgn." }).optional(),
    responsibleClinicianId: optionalText(64, "Ugyldig behandler."),
    referralReceived: isoDate("Skriv inn datoen henvisningen ble mottatt."),
    referrerName: z.string({ error: "Skriv inn hvem som henviste." }).trim().min(2, "Skriv inn hvem som henviste.").max(200, "Navnet er for langt."),
    referrerHpr: optionalText(9, "HPR-nummeret er for langt.").refine((v) => v === null || /^\d{4,9}$/.test(v), "HPR-nummeret skal bare ha sifre (4–9)."),
    assessedDate: z.string().trim().nullish().transform((v) => v || null).refine((v) => v === null || isIsoDate(v), "Datoen er ikke en gyldig dato (ÅÅÅÅ-MM-DD)."),
    rightToCare: z.boolean().nullish().transform((v) => v ?? null),
    directTreatmentRight: z.boolean().optional().default(false),
    severe: z.boolean().optional().default(false),
    /** Needed when the start code closes the referral-assessment deadline late. */
    justification: optionalText(2000, "Begrunnelsen er for lang (høyst 2000 tegn)."),
  })
  .superRefine((v, ctx) => {
    if (v.assessedDate && v.assessedDate < v.referralReceived) {
      ctx.addIssue({ code: "custom", path: ["assessedDate"], message: "Vurderingsdatoen kan ikke være før henvisningen ble mottatt." });
    }
  });

export type CreatePathwayInput = z.input<typeof createPathwaySchema>;
