import { NextResponse } from "next/server";
import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { listWorklist } from "@/server/worklist/query";

export const dynamic = "force-dynamic";

// GET /api/v1/worklist?enhet=&type=&setting=&behandler=&grunn=&horisont=&sortering=&etter=
// The worklist's first (or next) page, same filters as the page's URL.
export const GET = apiRoute("worklist.view", async (actor, request) => {
  const filters = worklistFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, nextCursor } = await listWorklist(actor, filters, today());
  return NextResponse.json({ rows, nextCursor });
});
