import "server-only";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { auditRows, patientsNamed, type AuditRow } from "./rows";
import { rowQueryOf, type AuditFilters } from "./filters";

// The audit log searched by patient, user, period and action: newest first,
// a page at a time. The search is itself audited (AUDIT_SEARCHED): the patient
// searched for in patientId, the patients the page named in patientIds.

export const AUDIT_PAGE_SIZE = 50;

export interface AuditSearchResult {
  rows: AuditRow[];
  nextCursor: string | null;
  /** the patient searched for (null: none asked for, or no such patient) */
  patient: { id: string; name: string; nationalId: string } | null;
}

export async function searchAuditLog(actor: Actor, filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE): Promise<AuditSearchResult> {
  assertCan(actor.user, "audit.read");
  const patient = filters.pasient
    ? await prisma.patient.findUnique({ where: { id: filters.pasient }, select: { id: true, name: true, nationalId: true } })
    : null;
  // an unknown patient id finds nothing, like a patient nobody has seen
  const { rows, nextCursor } = filters.pasient && !patient ? { rows: [], nextCursor: null } : await auditRows(rowQueryOf(filters), pageSize);
  await writeAudit(
    prisma,
    {
      userId: actor.user.id,
      action: "AUDIT_SEARCHED",
      patientId: patient?.id ?? null,
      patientIds: patientsNamed(rows),
      detail: { filters: { ...filters, pasient: undefined }, byPatient: filters.pasient !== undefined, rows: rows.length },
    },
    actor.meta,
  );
  return { rows, nextCursor, patient };
}

/** The users to search by (every user, also deactivated ones: their rows stay). */
export async function auditUserOptions(actor: Actor) {
  assertCan(actor.user, "audit.read");
  // a machine client's principal acts nowhere in the log (its rows name the client): not a choice
  return prisma.user.findMany({ where: { machineClient: null }, select: { id: true, name: true, role: true, active: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
