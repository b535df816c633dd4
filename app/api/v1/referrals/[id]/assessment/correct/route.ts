import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/server/api/handler";
import { today } from "@/server/clock";
import { correctAssessment } from "@/server/referrals/correct";

export const dynamic = "force-dynamic";

// POST {assessedDate, decision, legalDeadline?, reason?, correctionReason} → 200
// {referralId, assessmentId}: a new assessment naming the one it corrects.
export const POST = apiRoute<{ id: string }>("referral.write", async (actor, request, { id }) => {
  return NextResponse.json(await correctAssessment(actor, id, (await readJson(request)) as never, today()));
});
