import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { today } from "@/server/clock";
import { postponeItem } from "@/server/worklist/row-actions";

export const dynamic = "force-dynamic";

// POST {pathwayId, itemKey, until, reason} → 200; the row returns on `until`.
export const POST = apiRoute("worklist.postpone", async (actor, request) => {
  const body = (await readJson(request)) ?? {};
  return NextResponse.json(await postponeItem(actor, body as never, today()));
});
