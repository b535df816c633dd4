import { z } from "@/lib/zod";
import { registerEventSchema } from "./schema";

export const annulSchema = z.object({
  replacement: registerEventSchema.omit({ idempotencyKey: true }).nullish(),
  reason: z
    .string({ error: "Skriv hvorfor hendelsen annulleres." })
    .trim()
    .min(3, "Skriv hvorfor hendelsen annulleres (minst 3 tegn).")
    .max(1000, "Begrunnelsen er for lang (høyst 1000 tegn)."),
});
