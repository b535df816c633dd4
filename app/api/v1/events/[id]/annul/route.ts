import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { annulEvent } from "@/server/events/annul";
import { annulEventOperation } from "@/server/events/annul.operation";

export const dynamic = "force-dynamic";

// The annulled event, the replacement (when given) and the new evaluation.
export const POST = apiRoute(annulEventOperation, async (actor, { params, body }) => {
  return { status: 200, body: await annulEvent(actor, params.id, body, today()) };
});
