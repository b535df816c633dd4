import { apiRoute } from "@/server/api/handler";
import { listPathways } from "@/server/pathways/list";
import { listPathwaysOperation } from "@/server/pathways/list.operation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listPathwaysOperation, async (actor, { query }) => {
  return { status: 200, body: await listPathways(actor, query) };
});
