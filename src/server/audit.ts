import "server-only";
import type { AuditAction } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import type { RequestMeta } from "@/server/request-meta";

// Audit rows (FHIR AuditEvent): who, when, what, which patient/pathway, from
// where. Every read of a patient page and every write of patient data writes
// one, in the same transaction as the write itself.

export interface AuditEntry {
  userId: string | null;
  action: AuditAction;
  patientId?: string | null;
  pathwayId?: string | null;
  detail?: Prisma.InputJsonValue;
}

export async function writeAudit(tx: Tx, entry: AuditEntry, meta: RequestMeta): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      patientId: entry.patientId ?? null,
      pathwayId: entry.pathwayId ?? null,
      detail: entry.detail,
      ip: meta.ip,
      userAgent: meta.userAgent,
    },
  });
}
