import { NextResponse } from "next/server";
import { apiRoute } from "@/server/api/handler";
import { listPathways } from "@/server/pathways/list";

export const dynamic = "force-dynamic";

export const GET = apiRoute("patient.read", async (actor, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listPathways(actor, params));
});
