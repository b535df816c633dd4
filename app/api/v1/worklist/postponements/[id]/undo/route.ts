import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { undoPostponementById } from "@/server/worklist/row-actions";
import { undoPostponementOperation } from "@/server/worklist/undo-postponement.operation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(undoPostponementOperation, async (actor, { params }) => {
  return { status: 200, body: await undoPostponementById(actor, params.id, today()) };
});
