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
    .min(2, "Skriv inn pasientens fulle navn.")
    .max(200, "Navnet er for langt (høyst 200 tegn)."),
});
export type CreatePatientInput = z.input<typeof createPatientSchema>;
