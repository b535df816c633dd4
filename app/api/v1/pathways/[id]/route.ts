import { NextResponse } from "next/server";
import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { pathwayDetailJson } from "@/server/api/pathway-json";
import { getPathwayDetail } from "@/server/pathways/detail";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("patient.read", async (actor, _request, { id }) => {
  return NextResponse.json(pathwayDetailJson(await getPathwayDetail(actor, id, today())));
});
