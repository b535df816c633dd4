import { z } from "@/lib/zod";
import { defineOperation } from "@/server/api/operation";
import { explainSchema } from "./schemas";

// POST /api/v1/worklist/explain → explainNotice (./row-actions.ts)

export const explainNoticeOperation = defineOperation({
  id: "explainNotice",
  method: "POST",
  path: "/api/v1/worklist/explain",
  permission: "notice.explain",
  summary: "Explain a notice: it leaves the worklist and stays in reports",
  body: explainSchema,
  responses: {
    200: { description: "Explained", schema: z.object({ pathwayId: z.string(), noticeKey: z.string() }) },
  },
  errors: { 404: "No such row, or outside the caller's units", 409: "Already explained (already_explained)" },
});
