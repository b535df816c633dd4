import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { today } from "@/server/clock";
import { listReferralsApi } from "@/server/referrals/list";
import { registerReferral } from "@/server/referrals/register";

export const dynamic = "force-dynamic";

// GET ?status=unassessed|assessed|closed&unitId=&cursor=&limit= → {items, nextCursor}
export const GET = apiRoute("referral.read", async (actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listReferralsApi(actor, query, today()));
});

// POST {nationalId, patientName?, unitId, receivedDate, referrerName, referrerHpr?,
// suggestedType?, note?, idempotencyKey?, confirmDuplicate?} → 201 {id, patientId, dueDate};
// 200 with the same body for a repeat of the same idempotency key.
export const POST = apiRoute("referral.write", async (actor, request) => {
  const { duplicate, ...made } = await registerReferral(actor, (await readJson(request)) as never, today());
  return NextResponse.json(made, { status: duplicate ? 200 : 201 });
});
