import { apiRoute } from "@/server/api/handler";
import { assignClinician } from "@/server/pathways/assign";
import { assignClinicianOperation } from "@/server/pathways/assign.operation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(assignClinicianOperation, async (actor, { params, body }) => {
  return { status: 200, body: await assignClinician(actor, { pathwayId: params.id, clinicianId: body.clinicianId ?? "" }) };
});
