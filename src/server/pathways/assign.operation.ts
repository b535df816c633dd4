import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { idParams } from "@/server/api/schemas";

// POST /api/v1/pathways/{id}/assign → assignClinician (./assign.ts)

// The key must be there: a body without it must not unassign by accident.
export const assignBodySchema = z.object(
  {
    clinicianId: z
      .string({ error: "Velg en behandler (tom tekst eller null: ingen)." })
      .nullable()
      .meta({ description: "The clinician's user id; null or empty: none" }),
  },
  { error: "Forespørselen må være et objekt med clinicianId." },
);

export const assignClinicianOperation = defineOperation({
  id: "assignClinician",
  method: "POST",
  path: "/api/v1/pathways/{id}/assign",
  permission: "pathway.assign",
  summary: "Assign or change the responsible clinician (null or empty: none)",
  params: idParams,
  body: assignBodySchema,
  responses: {
    200: { description: "Assigned", schema: z.object({ pathwayId: z.string(), clinicianId: z.string().nullable() }) },
  },
  errors: { 422: "Invalid input, or not an active clinician of the pathway's unit" },
});
