import "server-only";
import type { Action } from "@/domain/permissions";
import { Prisma } from "@/generated/prisma/client";
import { isRecordId } from "@/lib/record-id";
import type { Actor } from "@/server/auth/current-user";
import { NotFoundError } from "@/server/errors";
import { pooled } from "@/server/sql";
import { auditUserId } from "@/server/audit";

// A request for a pathway or event outside the user's units is answered 404,
// as if it did not exist, and audited as ACCESS_DENIED naming the record asked
// for, and its pathway and patient when it exists. The audit row is written
// after the request's own transaction has ended (that transaction rolls back,
// and a second connection taken inside it could starve the pool).

export type DeniedRecord = { kind: "pathway" | "event"; id: string };

/** Not found within the actor's units: the 404 a user sees, carrying the record asked for. */
export class OutOfScope extends NotFoundError {
  constructor(
    readonly record: DeniedRecord,
    message?: string,
  ) {
    super(message);
  }
}

/**
 * Runs one user action; when it ends in OutOfScope, the denied attempt is
 * audited, then the same 404 is thrown.
 */
export async function auditingDenials<T>(actor: Actor, attempted: Action, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OutOfScope) await auditDenied(actor, attempted, error.record);
    throw error;
  }
}

/**
 * One statement: the row is written only when the record is not within the
 * actor's units (absent, or of another unit); an id that cannot name a record
 * never reaches the database.
 */
async function auditDenied(actor: Actor, attempted: Action, record: DeniedRecord): Promise<void> {
  if (!isRecordId(record.id)) return;
  const pathwayId =
    record.kind === "pathway" ? Prisma.sql`${record.id}` : Prisma.sql`(SELECT e."pathwayId" FROM "PathwayEvent" e WHERE e."id" = ${record.id})`;
  await pooled().run(Prisma.sql`
    INSERT INTO "AuditEvent" ("userId", "clientId", "action", "patientId", "pathwayId", "detail", "ip", "userAgent")
    SELECT ${auditUserId(actor.user.id, actor.meta)}, ${actor.meta.clientId ?? null}, 'ACCESS_DENIED'::"AuditAction", p."patientId", p."id",
      jsonb_build_object('record', ${record.kind}::text, 'id', ${record.id}::text, 'attempted', ${attempted}::text, 'exists', p."id" IS NOT NULL),
      ${actor.meta.ip}, ${actor.meta.userAgent}
    FROM (SELECT 1) one
      LEFT JOIN "Pathway" p ON p."id" = ${pathwayId}
    WHERE p."id" IS NULL OR NOT (p."unitId" = ANY(${actor.user.unitIds}::text[]))`);
}
