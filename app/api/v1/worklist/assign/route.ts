import { apiRoute } from "@/server/api/handler";
import { assignClinicianBulk } from "@/server/pathways/assign";
import { bulkAssignOperation } from "@/server/worklist/assign.operation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(bulkAssignOperation, async (actor, { body }) => {
  return { status: 200, body: await assignClinicianBulk(actor, body) };
});
