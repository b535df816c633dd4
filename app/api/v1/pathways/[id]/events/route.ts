import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { today } from "@/server/clock";
import { registerEvent } from "@/server/events/register";

export const dynamic = "force-dynamic";

// POST {code, outcome?, date, justification?, idempotencyKey?} → 201 (200 when
// it was a repeat of an already stored submission).
export const POST = apiRoute<{ id: string }>("event.create", async (actor, request, { id }) => {
  const body = await readJson(request);
  const result = await registerEvent(actor, id, (body ?? {}) as never, today());
  return NextResponse.json(result, { status: result.duplicate ? 200 : 201 });
});
