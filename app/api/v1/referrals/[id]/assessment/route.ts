import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { today } from "@/server/clock";
import { assessReferral } from "@/server/referrals/assess";

export const dynamic = "force-dynamic";

// POST {assessedDate, decision, legalDeadline?, reason?, pathway?, justification?}
// → 200 {referralId, pathwayId}; 409 when already assessed (see …/assessment/correct).
export const POST = apiRoute<{ id: string }>("referral.write", async (actor, request, { id }) => {
  return NextResponse.json(await assessReferral(actor, id, (await readJson(request)) as never, today()));
});
