import "server-only";
import { z } from "@/lib/zod";
import type { IsoDate } from "@/lib/dates";
import { AuditAction } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { pooled } from "@/server/sql";
import { int8 } from "@/server/sql-rows";

// The audit log's rows as the review reads them (one query for the search,
// its CSV, the access report and patientAccessLog): newest first, paged by row
// id (keyset), with who (name and current role), the unit (the pathway's, else
// the one the row's detail names, else the user's units) and the patient a
// single-patient row names. Callers check the permission.

export interface AuditRowQuery {
  /** every row naming the patient, alone (patientId) or in a list (patientIds) */
  patientId?: string;
  userId?: string;
  action?: AuditAction;
  /** Europe/Oslo calendar days, both included */
  from?: IsoDate;
  to?: IsoDate;
  /** the last row id of the previous page */
  before?: string;
}

export const auditRow = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(AuditAction),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  userRole: z.string().nullable(),
  /** a machine client (the EPJ) that acted: then no user */
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  unit: z.string().nullable(),
  pathwayId: z.string().nullable(),
  /** the one patient the row names, with the national id the officer searches by */
  patientId: z.string().nullable(),
  patientNationalId: z.string().nullable(),
  /** how many patients a list response showed */
  listCount: int8,
  /** with a patient query: the patient was one of several a list showed */
  viaList: z.boolean(),
  ip: z.string().nullable(),
  detail: z.unknown(),
});
export type AuditRow = z.output<typeof auditRow>;

function conditions(q: AuditRowQuery): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  if (q.patientId) where.push(Prisma.sql`("patientId" = ${q.patientId} OR "patientIds" @> ARRAY[${q.patientId}]::text[])`);
  if (q.userId) where.push(Prisma.sql`"userId" = ${q.userId}`);
  if (q.action) where.push(Prisma.sql`"action" = ${q.action}::"AuditAction"`);
  // Oslo midnights as instants: a day of 23 or 25 hours is still one day
  if (q.from) where.push(Prisma.sql`"at" >= (${q.from}::date::timestamp AT TIME ZONE 'Europe/Oslo')`);
  if (q.to) where.push(Prisma.sql`"at" < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo')`);
  if (q.before) where.push(Prisma.sql`"id" < ${q.before}::bigint`);
  return where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
}

export async function auditRows(q: AuditRowQuery, limit: number): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  // With a patient: the matching ids first (both indexes, a BitmapOr), then
  // the newest of them; ordered by id with a LIMIT, PostgreSQL may otherwise
  // walk the whole table backwards looking for a patient seen rarely. Without
  // one, the newest matching rows by id.
  const hits = q.patientId
    ? Prisma.sql`SELECT "id" FROM "AuditEvent" ${conditions(q)}`
    : Prisma.sql`SELECT "id" FROM "AuditEvent" ${conditions(q)} ORDER BY "id" DESC LIMIT ${limit + 1}`;
  const rows = await pooled().rows(auditRow, Prisma.sql`
    WITH hits AS MATERIALIZED (${hits})
    SELECT a."id"::text AS "id", to_char(a."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
      a."action"::text AS "action", a."userId", u."name" AS "userName", u."role"::text AS "userRole",
      a."clientId", mc."name" AS "clientName",
      COALESCE(pu."name", du."name", (
        SELECT string_agg(un."name", ', ' ORDER BY un."name") FROM "UserUnit" uu JOIN "Unit" un ON un."id" = uu."unitId" WHERE uu."userId" = a."userId"
      )) AS "unit",
      a."pathwayId", a."patientId", pt."nationalId" AS "patientNationalId",
      cardinality(a."patientIds") AS "listCount",
      ${q.patientId ? Prisma.sql`a."patientId" IS DISTINCT FROM ${q.patientId}` : Prisma.sql`false`} AS "viaList",
      a."ip", a."detail"
    FROM hits JOIN "AuditEvent" a ON a."id" = hits."id"
      LEFT JOIN "User" u ON u."id" = a."userId"
      LEFT JOIN "MachineClient" mc ON mc."id" = a."clientId"
      LEFT JOIN "Pathway" p ON p."id" = a."pathwayId"
      LEFT JOIN "Unit" pu ON pu."id" = p."unitId"
      LEFT JOIN "Unit" du ON du."id" = a."detail"->>'unitId'
      LEFT JOIN "Patient" pt ON pt."id" = a."patientId"
    ORDER BY a."id" DESC
    LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

/** Who acted: the user, else the machine client (the EPJ) that called the API. */
export function actorName(r: Pick<AuditRow, "userName" | "clientName">): string {
  if (r.userName) return r.userName;
  return r.clientName ? `Maskinklient ${r.clientName}` : "Ukjent bruker";
}

/** The patients the rows name one by one (a list row shows only its count): for the review's own audit row. */
export function patientsNamed(rows: readonly AuditRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.patientId && r.patientNationalId ? [r.patientId] : [])))];
}
