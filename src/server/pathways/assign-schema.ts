import { z } from "@/lib/zod";

// The body of POST /api/v1/pathways/{id}/assign. The key must be there: a body
// without it must not unassign by accident.
export const assignBodySchema = z.object(
  { clinicianId: z.string({ error: "Velg en behandler (tom tekst eller null: ingen)." }).nullable() },
  { error: "Forespørselen må være et objekt med clinicianId." },
);
