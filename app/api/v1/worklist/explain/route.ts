import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { today } from "@/server/clock";
import { explainNotice } from "@/server/worklist/row-actions";

export const dynamic = "force-dynamic";

// POST {pathwayId, noticeKey, justification} → 200; the notice leaves the worklist.
export const POST = apiRoute("notice.explain", async (actor, request) => {
  const body = (await readJson(request)) ?? {};
  return NextResponse.json(await explainNotice(actor, body as never, today()));
});
