import { apiRoute } from "@/server/api/handler";
import { ensurePatient } from "@/server/patients/ensure";
import { ensurePatientOperation } from "@/server/patients/ensure.operation";

export const dynamic = "force-dynamic";

// 201 for a new patient, 200 when the national id is registered already (its name unchanged).
export const POST = apiRoute(ensurePatientOperation, async (actor, { body }) => {
  const { id, created } = await ensurePatient(actor, body);
  return { status: created ? 201 : 200, body: { id } };
});
