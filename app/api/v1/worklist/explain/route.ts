import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { explainNotice } from "@/server/worklist/row-actions";
import { explainNoticeOperation } from "@/server/worklist/explain.operation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(explainNoticeOperation, async (actor, { body }) => {
  return { status: 200, body: await explainNotice(actor, body, today()) };
});
