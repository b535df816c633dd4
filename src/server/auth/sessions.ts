import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { auditInsert } from "@/server/audit";
import { z } from "@/lib/zod";
import { pooled, type Sql } from "@/server/sql";
import type { RequestMeta } from "@/server/request-meta";

// A session's row is written at sign-in (Auth.js's jwt callback, nextauth.ts)
// and revoked at logout; session-user.ts reads it on every request.

/** Rows of sessions that ended this long ago are deleted when their user signs in again. */
const KEEP_ENDED_DAYS = 30;

/**
 * A new session for an active user, or null when the user is not active (any
 * more). The user's row is share-locked, so a deactivation running at the
 * same moment either comes first (no session) or waits and then revokes this
 * one too (its trigger, migration 20261129120000).
 */
export async function startSession(userId: string, now = new Date(), sql: Sql = pooled()): Promise<string | null> {
  const id = randomUUID();
  const keepSince = new Date(now.getTime() - KEEP_ENDED_DAYS * 86_400_000);
  const rows = await sql.rows(z.object({ id: z.string() }), Prisma.sql`
    WITH "user" AS (
      SELECT u."id" FROM "User" u WHERE u."id" = ${userId} AND u."active" FOR SHARE
    ), "old" AS (
      DELETE FROM "UserSession" s USING "user"
      WHERE s."userId" = "user"."id" AND s."createdAt" < ${keepSince}::timestamptz
    )
    INSERT INTO "UserSession" ("id", "userId", "createdAt", "lastSeenAt")
    SELECT ${id}::uuid, "user"."id", ${now}::timestamptz, ${now}::timestamptz FROM "user"
    RETURNING "id"`);
  return rows.length ? id : null;
}

/**
 * Ends a session (logout): revokes its row and writes the LOGOUT audit row, in
 * one statement. Revoking a session twice changes nothing and audits once.
 * Returns whether this call ended it.
 */
export async function endSession(session: { sessionId: string; userId: string }, meta: RequestMeta, now = new Date(), sql: Sql = pooled()): Promise<boolean> {
  const rows = await sql.rows(z.object({ n: z.number() }), Prisma.sql`
    WITH "ended" AS (
      UPDATE "UserSession" SET "revokedAt" = ${now}::timestamptz
      WHERE "id" = ${session.sessionId}::uuid AND "userId" = ${session.userId} AND "revokedAt" IS NULL
      RETURNING "id", "userId"
    ), "audited" AS (
      ${auditInsert({ userId: session.userId, action: "LOGOUT", detail: { sessionId: session.sessionId } }, meta, Prisma.sql`FROM "ended"`)}
      RETURNING 1
    )
    SELECT count(*)::int AS "n" FROM "ended"`);
  return rows[0]?.n === 1;
}
