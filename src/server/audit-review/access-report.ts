import "server-only";
import type { IsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { auditRows, type AuditRow } from "./rows";

// The access report (innsynslogg) of one patient for a period: everyone whose
// use of Forløpsvakt showed or changed the patient's data, when and in which
// role – what a patient who asks is entitled to see (pasientjournalloven § 18,
// Normen). Printed from the page. Viewing it is audited with the patient.

export const ACCESS_REPORT_MAX_ROWS = 5_000;

export interface AccessReport {
  patient: { id: string; name: string; nationalId: string };
  period: { from: IsoDate; to: IsoDate };
  rows: AuditRow[];
  /** more rows than the report holds: narrow the period */
  truncated: boolean;
}

export async function accessReport(actor: Actor, patientId: string, period: { from: IsoDate; to: IsoDate }): Promise<AccessReport | null> {
  assertCan(actor.user, "audit.read");
  const patient = await prisma.patient.findUnique({ where: { id: patientId }, select: { id: true, name: true, nationalId: true } });
  if (!patient) return null;
  const { rows, nextCursor } = await auditRows({ patientId, from: period.from, to: period.to }, ACCESS_REPORT_MAX_ROWS);
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "ACCESS_REPORT_VIEWED", patientId, detail: { from: period.from, to: period.to, rows: rows.length } },
    actor.meta,
  );
  return { patient, period, rows, truncated: nextCursor !== null };
}
