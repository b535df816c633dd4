import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { registerEvent } from "@/server/events/register";
import { registerEventOperation } from "@/server/events/register.operation";

export const dynamic = "force-dynamic";

// 201 when stored, 200 when it was a repeat of an already stored submission.
export const POST = apiRoute(registerEventOperation, async (actor, { params, body }) => {
  const result = await registerEvent(actor, params.id, body, today());
  return { status: result.duplicate ? 200 : 201, body: result };
});
