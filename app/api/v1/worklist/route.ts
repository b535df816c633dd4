import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { listWorklist } from "@/server/worklist/query";
import { listWorklistOperation } from "@/server/worklist/list.operation";

export const dynamic = "force-dynamic";

// The worklist's first (or next) page, same filters as the page's URL.
export const GET = apiRoute(listWorklistOperation, async (actor, { query }) => {
  return { status: 200, body: await listWorklist(actor, query, today()) };
});
