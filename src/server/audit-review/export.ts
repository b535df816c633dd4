import "server-only";
import { AUDIT_CHANNEL_LABELS, auditChannel, describeAudit } from "@/domain/audit/describe";
import { isRole, ROLE_LABELS } from "@/domain/permissions";
import { toExcelCsv } from "@/lib/csv-write";
import { formatOsloDateTime, type IsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { actorName, auditRows, patientsNamed, type AuditRow } from "./rows";
import { auditFilterSchema, rowQueryOf } from "./filters";

// The search's rows as CSV for Excel (toExcelCsv: BOM, semicolons, formulas
// defused), newest first, at most EXPORT_MAX_ROWS of them from the page's
// first row on. The download is audited like the search.

export const EXPORT_MAX_ROWS = 10_000;

export const roleLabel = (role: string | null) => (role && isRole(role) ? ROLE_LABELS[role] : "–");

export function auditRowCells(r: AuditRow) {
  return {
    when: formatOsloDateTime(new Date(r.at)),
    who: actorName(r),
    role: roleLabel(r.userRole),
    unit: r.unit ?? "–",
    // a machine client's rows came through the API whatever the action
    channel: AUDIT_CHANNEL_LABELS[r.clientId ? "API" : auditChannel(r.action, r.detail)],
    what: describeAudit(r.action, r.detail),
    patient: r.patientNationalId ?? (r.listCount > 0 ? `${r.listCount} pasienter i en liste` : ""),
    ip: r.ip ?? "ukjent",
  };
}

export async function auditCsv(actor: Actor, params: URLSearchParams, today: IsoDate): Promise<{ csv: string; fileName: string }> {
  assertCan(actor.user, "audit.read");
  const filters = auditFilterSchema.parse(Object.fromEntries(params));
  const { rows } = await auditRows(rowQueryOf({ ...filters, etter: undefined }), EXPORT_MAX_ROWS);
  await writeAudit(
    prisma,
    {
      userId: actor.user.id,
      action: "EXPORT_DOWNLOADED",
      patientId: filters.pasient ?? null,
      patientIds: patientsNamed(rows),
      detail: { list: "audit", filters: { ...filters, pasient: undefined }, byPatient: filters.pasient !== undefined, rows: rows.length },
    },
    actor.meta,
  );
  const header = ["Tidspunkt", "Bruker", "Rolle", "Enhet", "Kanal", "Hva", "Pasient", "Adresse"];
  const csv = toExcelCsv(header, rows.map((r) => Object.values(auditRowCells(r))));
  return { csv, fileName: `revisjonslogg-${today}.csv` };
}
