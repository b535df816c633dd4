import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { today } from "@/server/clock";
import { annulEvent } from "@/server/events/annul";

export const dynamic = "force-dynamic";

// POST {reason, replacement?} → 200 with the annulled event, the replacement and the new evaluation.
export const POST = apiRoute<{ id: string }>("event.annul", async (actor, request, { id }) => {
  const body = (await readJson(request)) as { reason?: unknown; replacement?: unknown } | null;
  const result = await annulEvent(actor, id, { reason: body?.reason, replacement: body?.replacement }, today());
  return NextResponse.json(result);
});
