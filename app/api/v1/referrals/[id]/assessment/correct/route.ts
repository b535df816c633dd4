import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { correctAssessment } from "@/server/referrals/correct";
import { correctAssessmentOperation } from "@/server/referrals/correct.operation";

export const dynamic = "force-dynamic";

// A new assessment naming the one it corrects; the earlier ones stay (history).
export const POST = apiRoute(correctAssessmentOperation, async (actor, { params, body }) => ({
  status: 200,
  body: await correctAssessment(actor, params.id, body, today()),
}));
