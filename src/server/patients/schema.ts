import { PERSON_NAME_MAX_LENGTH, PERSON_NAME_MIN_LENGTH } from "@/domain/patient-name";
import { z } from "@/lib/zod";
import { parseNationalId } from "@/domain/national-id";
import { env } from "@/server/env";
import { today } from "@/server/clock";

export const allowSyntheticIds = () => process.env.NODE_ENV !== "production" || env("ALLOW_SYNTHETIC_IDS");

export const nationalIdField = z
  .string({ error: "Fødselsnummer mangler." })
  .transform((value, ctx) => {
    const result = parseNationalId(value, { allowSynthetic: allowSyntheticIds(), today: today() });
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    }
    return result;
  });

export const createPatientSchema = z.object({
  nationalId: nationalIdField,
  name: z
    .string({ error: "Navn mangler." })
    .trim()
    .min(PERSON_NAME_MIN_LENGTH, "Skriv inn pasientens fulle navn.")
    .max(PERSON_NAME_MAX_LENGTH, `Navnet er for langt (høyst ${PERSON_NAME_MAX_LENGTH} tegn).`),
});
export type CreatePatientInput = z.input<typeof createPatientSchema>;
