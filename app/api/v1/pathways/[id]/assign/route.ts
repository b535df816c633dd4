import { NextResponse } from "next/server";
import { z } from "@/lib/zod";
import { apiRoute, readJson } from "@/server/api/handler";
import { assignClinician } from "@/server/pathways/assign";

export const dynamic = "force-dynamic";

// The key must be there: a body without it must not unassign by accident.
const bodySchema = z.object(
  { clinicianId: z.string({ error: "Velg en behandler (tom tekst eller null: ingen)." }).nullable() },
  { error: "Forespørselen må være et objekt med clinicianId." },
);

// POST {clinicianId} ("" or null: none) → 200 with the new assignment.
export const POST = apiRoute<{ id: string }>("pathway.assign", async (actor, request, { id }) => {
  const { clinicianId } = bodySchema.parse(await readJson(request));
  return NextResponse.json(await assignClinician(actor, { pathwayId: id, clinicianId: clinicianId ?? "" }));
});
