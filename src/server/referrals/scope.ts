import "server-only";
import type { Action } from "@/domain/permissions";
import { Prisma } from "@/generated/prisma/client";
import { isRecordId } from "@/lib/record-id";
import type { Actor } from "@/server/auth/current-user";
import type { Tx } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { pooled } from "@/server/sql";
import { auditUserId } from "@/server/audit";

// A referral of another unit is answered 404, as if it did not exist, and the
// attempt is audited (ACCESS_DENIED, as for pathways in access-denied.ts),
// after the request's own transaction has rolled back.

export class ReferralOutOfScope extends NotFoundError {
  constructor(readonly referralId: string) {
    super("Fant ikke henvisningen, eller den hører til en enhet du ikke har tilgang til.");
  }
}

/**
 * A referral that is not yet assessed: no assessment recorded, and no pathway
 * of it past its start. The second half covers pathways created before the
 * referral flow (Nytt forløp without an assessment date), whose start code was
 * registered on the pathway page. It reads pathwayStarted, kept by triggers on
 * Pathway (migration 20261203100500), so lists and counts read the partial
 * index of exactly these referrals and no Pathway row.
 */
export const UNASSESSED: Prisma.ReferralWhereInput = { assessedDate: null, pathwayStarted: false };

/**
 * Locks the referral row (one assessment at a time) and checks the unit. Its
 * pathways are locked before it, in id order: every other writer changes a
 * pathway row before the Pathway trigger locks its referral (pathwayStarted),
 * so taking them the other way round here could deadlock with a registration.
 */
export async function lockReferral(tx: Tx, actor: Actor, referralId: string): Promise<void> {
  if (!isRecordId(referralId)) throw new ReferralOutOfScope(referralId);
  await tx.$queryRaw`SELECT 1 FROM "Pathway" WHERE "referralId" = ${referralId} AND "unitId" = ANY(${actor.user.unitIds}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;
  const rows = await tx.$queryRaw<{ unitId: string }[]>`SELECT "unitId" FROM "Referral" WHERE "id" = ${referralId} FOR NO KEY UPDATE`;
  if (!rows[0] || !actor.user.unitIds.includes(rows[0].unitId)) throw new ReferralOutOfScope(referralId);
}

/** Runs one user action; an out-of-scope referral is audited, then the same 404 is thrown. */
export async function auditingReferralDenials<T>(actor: Actor, attempted: Action, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ReferralOutOfScope && isRecordId(error.referralId)) {
      await pooled().run(Prisma.sql`
        INSERT INTO "AuditEvent" ("userId", "clientId", "action", "patientId", "detail", "ip", "userAgent")
        SELECT ${auditUserId(actor.user.id, actor.meta)}, ${actor.meta.clientId ?? null}, 'ACCESS_DENIED'::"AuditAction", r."patientId",
          jsonb_build_object('record', 'referral', 'id', ${error.referralId}::text, 'attempted', ${attempted}::text, 'exists', r."id" IS NOT NULL),
          ${actor.meta.ip}, ${actor.meta.userAgent}
        FROM (SELECT 1) one LEFT JOIN "Referral" r ON r."id" = ${error.referralId}
        WHERE r."id" IS NULL OR NOT (r."unitId" = ANY(${actor.user.unitIds}::text[]))`);
    }
    throw error;
  }
}
