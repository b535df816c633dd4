import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { assignClinician } from "@/server/pathways/assign";
import { assignBodySchema } from "@/server/pathways/assign-schema";

export const dynamic = "force-dynamic";

// POST {clinicianId} ("" or null: none) → 200 with the new assignment.
export const POST = apiRoute<{ id: string }>("pathway.assign", async (actor, request, { id }) => {
  const { clinicianId } = assignBodySchema.parse(await readJson(request));
  return NextResponse.json(await assignClinician(actor, { pathwayId: id, clinicianId: clinicianId ?? "" }));
});
