import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { assessReferral } from "@/server/referrals/assess";
import { assessReferralOperation } from "@/server/referrals/assess.operation";

export const dynamic = "force-dynamic";

// 409 when already assessed: a wrong assessment is corrected (…/assessment/correct).
export const POST = apiRoute(assessReferralOperation, async (actor, { params, body }) => ({
  status: 200,
  body: await assessReferral(actor, params.id, body, today()),
}));
