import { z } from "@/lib/zod";
import { REFERRAL_STATUSES } from "@/domain/referrals";
import { defineOperation } from "@/server/api/operation";
import { isoDate } from "@/server/api/schemas";
import { decision, listReferralsQuery } from "./schema";

// GET /api/v1/referrals → listReferralsApi (./list.ts)

const referralItem = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  receivedDate: isoDate,
  dueDate: isoDate.meta({ description: "The last day of the 10-working-day rule" }),
  status: z.enum(REFERRAL_STATUSES),
  decision: decision.nullable(),
  assessedDate: isoDate.nullable(),
  legalDeadline: isoDate.nullable(),
  pathwayId: z.string().nullable(),
  patient: z.object({ id: z.string(), name: z.string(), maskedNationalId: z.string() }),
});

export const listReferralsOperation = defineOperation({
  id: "listReferrals",
  method: "GET",
  path: "/api/v1/referrals",
  permission: "referral.read",
  scope: "pathways:read",
  summary: "Referrals of the caller's units in order of receipt (keyset pages), each with the due date of the 10-working-day rule (the read is audited)",
  query: listReferralsQuery,
  responses: {
    200: {
      description: "A page of referrals and the cursor of the next page",
      schema: z.object({
        items: z.array(referralItem),
        nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last" }),
      }),
    },
  },
});
