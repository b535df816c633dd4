import "server-only";
import type { AuditAction } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { sqlOf, type Sql } from "@/server/sql";
import type { RequestMeta } from "@/server/request-meta";

// Audit rows (FHIR AuditEvent): who, when, what, which patient/pathway, from
// where. Every read of a patient page and every write of patient data writes
// one, in the same transaction as the write itself. A response that shows a
// list of patients writes one row naming all of them in `patientIds`.

export interface AuditEntry {
  userId: string | null;
  action: AuditAction;
  patientId?: string | null;
  pathwayId?: string | null;
  /** every patient a list response showed (duplicates are dropped) */
  patientIds?: readonly string[];
  detail?: Prisma.InputJsonValue;
}

export async function writeAudit(db: Tx | Sql, entry: AuditEntry, meta: RequestMeta): Promise<void> {
  // Raw SQL: one row per request on the hottest paths (see sql.ts).
  await sqlOf(db).run(auditInsert(entry, meta));
}

/**
 * The audit row's INSERT; `from` (e.g. a CTE's rows) makes it conditional, as
 * in the registration's single statement, `detailFrom` adds keys the same
 * statement computes (a jsonb object expression over `from`) and
 * `patientIdsFrom` gives the shown patients as a text[] expression over `from`.
 */
export function auditInsert(
  entry: AuditEntry,
  meta: RequestMeta,
  from: Prisma.Sql = Prisma.empty,
  detailFrom?: Prisma.Sql,
  patientIdsFrom?: Prisma.Sql,
): Prisma.Sql {
  const detail = entry.detail === undefined ? null : JSON.stringify(entry.detail);
  const detailSql = detailFrom ? Prisma.sql`COALESCE(${detail}::jsonb, '{}'::jsonb) || ${detailFrom}` : Prisma.sql`${detail}::jsonb`;
  const patientIds = patientIdsFrom ?? Prisma.sql`${[...new Set(entry.patientIds ?? [])].sort()}::text[]`;
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("userId", "clientId", "action", "patientId", "pathwayId", "patientIds", "detail", "ip", "userAgent")
    SELECT ${auditUserId(entry.userId, meta)}, ${meta.clientId ?? null}, ${entry.action}::"AuditAction", ${entry.patientId ?? null}, ${entry.pathwayId ?? null},
      ${patientIds}, ${detailSql}, ${meta.ip}, ${meta.userAgent} ${from}`;
}

/**
 * The user an audit row names: none when a machine client acted (the row
 * names the client; its principal user only stands in for it as the author
 * of records).
 */
export function auditUserId(userId: string | null, meta: RequestMeta): string | null {
  return meta.clientId ? null : userId;
}

/**
 * Many audit rows of one actor in one statement (a bulk write such as the EPJ
 * import: the same rows writeAudit would write one by one).
 */
export async function writeAudits(db: Tx | Sql, entries: readonly Omit<AuditEntry, "userId" | "patientIds">[], userId: string | null, meta: RequestMeta): Promise<void> {
  if (entries.length === 0) return;
  const actions = entries.map((e) => e.action);
  const patients = entries.map((e) => e.patientId ?? null);
  const pathways = entries.map((e) => e.pathwayId ?? null);
  const details = entries.map((e) => (e.detail === undefined ? null : JSON.stringify(e.detail)));
  await sqlOf(db).run(Prisma.sql`
    INSERT INTO "AuditEvent" ("userId", "clientId", "action", "patientId", "pathwayId", "patientIds", "detail", "ip", "userAgent")
    SELECT ${auditUserId(userId, meta)}, ${meta.clientId ?? null}, a::"AuditAction", p, w, '{}'::text[], d::jsonb, ${meta.ip}, ${meta.userAgent}
    FROM unnest(${actions}::text[], ${patients}::text[], ${pathways}::text[], ${details}::text[]) AS u(a, p, w, d)`);
}
