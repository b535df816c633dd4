import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { postponeItem } from "@/server/worklist/row-actions";
import { postponeItemOperation } from "@/server/worklist/postpone.operation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(postponeItemOperation, async (actor, { body }) => {
  return { status: 200, body: await postponeItem(actor, body, today()) };
});
