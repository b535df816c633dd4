import "server-only";
import { z } from "@/lib/zod";
import { AuditAction } from "@/generated/prisma/enums";
import { isRecordId } from "@/lib/record-id";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { auditRows } from "@/server/audit-review/rows";

// "Who has seen patient X": every audit row naming the patient, whether as the
// one patient of a page or write (patientId) or among the patients a list
// showed (patientIds, GIN-indexed). Newest first, paged by row id. The audit
// review (/revisjon) reads the same rows with more filters (audit-review/rows.ts).

export const patientAccessQuerySchema = z.object({
  patientId: z.string().refine(isRecordId, "Ugyldig pasient-id."),
  /** the last row id of the previous page */
  before: z.coerce.bigint({ error: "Ugyldig markør." }).positive("Ugyldig markør.").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const patientAccessRow = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(AuditAction),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** a machine client (the EPJ) that acted: then no user */
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  pathwayId: z.string().nullable(),
  /** true: the patient was one of several a list showed */
  viaList: z.boolean(),
  ip: z.string().nullable(),
});
export type PatientAccessRow = z.output<typeof patientAccessRow>;

export async function patientAccessLog(actor: Actor, query: z.input<typeof patientAccessQuerySchema>) {
  assertCan(actor.user, "audit.read");
  const q = patientAccessQuerySchema.parse(query);
  const { rows, nextCursor } = await auditRows({ patientId: q.patientId, before: q.before?.toString() }, q.limit);
  return { rows: rows.map((r): PatientAccessRow => patientAccessRow.parse(r)), nextCursor };
}
