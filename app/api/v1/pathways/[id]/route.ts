import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { pathwayDetailJson } from "@/server/api/pathway-json";
import { getPathwayDetail } from "@/server/pathways/detail";
import { pathwayDetailOperation } from "@/server/pathways/detail.operation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(pathwayDetailOperation, async (actor, { params }) => {
  return { status: 200, body: pathwayDetailJson(await getPathwayDetail(actor, params.id, today())) };
});
