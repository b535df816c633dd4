import { z } from "@/lib/zod";
import { SCOPES } from "@/domain/permissions";
import { instant, recordId } from "@/server/api/schemas";

// The machine clients' shapes at the edge: what an administrator sends to
// create one (API and form alike) and what the list answers.

export const createClientSchema = z.object(
  {
    name: z
      .string({ error: "Skriv et navn på klienten." })
      .trim()
      .min(1, "Skriv et navn på klienten.")
      .max(100, "Navnet kan være høyst 100 tegn.")
      .meta({ description: "What the client is, e.g. the EPJ system and its site" }),
    unitIds: z
      .array(recordId, { error: "Velg minst én enhet." })
      .min(1, "Velg minst én enhet.")
      .max(100, "Høyst 100 enheter.")
      .transform((ids) => [...new Set(ids)])
      .meta({ description: "The units whose records the client may reach" }),
    scopes: z
      .array(z.enum(SCOPES, { error: "Ukjent tilgang." }), { error: "Velg minst én tilgang." })
      .min(1, "Velg minst én tilgang.")
      .transform((scopes) => [...new Set(scopes)])
      .meta({ description: "What the client may do (pathways:read, events:write, referrals:write, import:write)" }),
  },
  { error: "Forespørselen må være et objekt med name, unitIds og scopes." },
);

export const createdClientSchema = z.object({
  id: z.string(),
  token: z.string().meta({ description: "The client's secret token (`fvk_…`): shown this once, stored only as its hash" }),
});

export const clientSchema = z.object({
  id: z.string(),
  name: z.string(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  scopes: z.array(z.enum(SCOPES)),
  createdAt: instant,
  createdBy: z.string().meta({ description: "The administrator's name" }),
  lastUsedAt: instant.nullable().meta({ description: "The last call, to the minute" }),
  revokedAt: instant.nullable(),
});

export type MachineClientView = z.output<typeof clientSchema>;
