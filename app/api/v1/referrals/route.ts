import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { listReferralsApi } from "@/server/referrals/list";
import { listReferralsOperation } from "@/server/referrals/list.operation";
import { registerReferral } from "@/server/referrals/register";
import { registerReferralOperation } from "@/server/referrals/register.operation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(listReferralsOperation, async (actor, { query }) => ({
  status: 200,
  body: await listReferralsApi(actor, query, today()),
}));

// 201 when stored, 200 with the same body for a repeat of the same idempotency key.
export const POST = apiRoute(registerReferralOperation, async (actor, { body }) => {
  const { duplicate, ...made } = await registerReferral(actor, body, today());
  return { status: duplicate ? 200 : 201, body: made };
});
