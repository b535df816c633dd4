import "server-only";
import { z } from "@/lib/zod";
import { AuditAction } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { isRecordId } from "@/lib/record-id";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { pooled } from "@/server/sql";

// "Who has seen patient X": every audit row naming the patient, whether as the
// one patient of a page or write (patientId) or among the patients a list
// showed (patientIds, GIN-indexed). Newest first, paged by row id.

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
  const before = q.before?.toString() ?? null;
  // the matching ids first (both indexes, a BitmapOr), then the newest of them:
  // ordered by id with a LIMIT, PostgreSQL may otherwise walk the whole table
  // backwards looking for a patient seen rarely
  const rows = await pooled().rows(patientAccessRow, Prisma.sql`
    WITH hits AS MATERIALIZED (
      SELECT "id" FROM "AuditEvent"
      WHERE ("patientId" = ${q.patientId} OR "patientIds" @> ARRAY[${q.patientId}]::text[])
        AND (${before}::bigint IS NULL OR "id" < ${before}::bigint)
    )
    SELECT a."id"::text AS "id", to_char(a."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
      a."action"::text AS "action", a."userId", u."name" AS "userName", a."clientId", c."name" AS "clientName", a."pathwayId",
      a."patientId" IS DISTINCT FROM ${q.patientId} AS "viaList", a."ip"
    FROM hits JOIN "AuditEvent" a ON a."id" = hits."id" LEFT JOIN "User" u ON u."id" = a."userId"
      LEFT JOIN "MachineClient" c ON c."id" = a."clientId"
    ORDER BY a."id" DESC
    LIMIT ${q.limit + 1}`);
  const page = rows.slice(0, q.limit);
  return { rows: page, nextCursor: rows.length > q.limit ? page[page.length - 1].id : null };
}
