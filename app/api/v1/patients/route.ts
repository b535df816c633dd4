import { apiRoute } from "@/server/api/handler";
import { ensurePatient } from "@/server/patients/ensure";
import { ensurePatientOperation } from "@/server/patients/ensure.operation";

export const dynamic = "force-dynamic";

// 201 for a new patient (or one known only in other units), 200 when the caller's units know it (its name unchanged).
export const POST = apiRoute(ensurePatientOperation, async (actor, { body }) => {
  const { id, created } = await ensurePatient(actor, body);
  return { status: created ? 201 : 200, body: { id } };
});
