import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { ensurePatient } from "@/server/patients/ensure";

export const dynamic = "force-dynamic";

// POST {nationalId, name} → 201 {id} for a new patient, 200 {id} when the
// national id is registered already (its name unchanged), 422 field messages.
export const POST = apiRoute("patient.create", async (actor, request) => {
  const { id, created } = await ensurePatient(actor, await readJson(request));
  return NextResponse.json({ id }, { status: created ? 201 : 200 });
});
