"use server";
import { z } from "@/lib/zod";
import { actionClient } from "@/server/actions/action-client";
import type { ActionFailure } from "@/server/actions/result";
import { auditFilterParams, auditFilterSchema } from "@/server/audit-review/filters";
import { findPatientForReview } from "@/server/audit-review/find-patient";
import { nationalIdField } from "@/server/patients/schema";

// The audit search form is sent here by POST: the national id typed into it is
// resolved to the patient's internal id on the server and never lands in an
// address; the other filters go to the result page's URL.

const searchFormSchema = z.object({
  nationalId: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), nationalIdField.optional()),
  bruker: z.string().max(64).optional(),
  handling: z.string().max(64).optional(),
  fra: z.string().max(10).optional(),
  til: z.string().max(10).optional(),
});

export type AuditSearchResult = { ok: true; href: string | null; message: string | null } | ActionFailure;

export const searchAuditAction = actionClient("audit.read")
  .schema(z.tuple([searchFormSchema]))
  .action(async ({ actor, args: [input] }): Promise<AuditSearchResult> => {
    const filters = auditFilterSchema.parse({ bruker: input.bruker, handling: input.handling, fra: input.fra, til: input.til });
    let pasient: string | undefined;
    if (input.nationalId) {
      pasient = (await findPatientForReview(actor, input.nationalId.value)) ?? undefined;
      // the same answer as a patient nobody has seen: it tells nothing more
      if (!pasient) return { ok: true, href: null, message: "Ingen treff." };
    }
    const params = auditFilterParams({ ...filters, pasient });
    return { ok: true, href: `/revisjon?${params}`, message: null };
  });
