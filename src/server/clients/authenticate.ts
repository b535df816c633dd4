import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { isScope, type Scope } from "@/domain/permissions";
import { hashToken, tokenIdOf, tokenMatches } from "@/lib/machine-token.mjs";
import { z } from "@/lib/zod";
import type { Actor } from "@/server/auth/current-user";
import type { RequestMeta } from "@/server/request-meta";
import { pooled, type Sql } from "@/server/sql";

// Who a request's bearer token belongs to, asked of the database on every
// call (as sessions are): a revoked client is refused on its next call. The
// token's public id finds the row, its SHA-256 is compared in constant time.
// lastUsedAt is written in the same statement, at most once a minute.

/** lastUsedAt is rewritten when it is at least this old. */
export const LAST_USED_PRECISION_SECONDS = 60;

const row = z.object({
  id: z.string(),
  name: z.string(),
  tokenHash: z.string(),
  scopes: z.array(z.string()),
  principalUserId: z.string(),
  email: z.string(),
  unitIds: z.array(z.string()),
});

/**
 * The token of an `Authorization: Bearer …` header ("" when it is empty or
 * malformed: refused); undefined without a Bearer header, so a session then
 * decides (another scheme, e.g. a proxy's Basic login in the browser, is not ours).
 */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization")?.trim();
  if (!header || !/^bearer(\s|$)/i.test(header)) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : "";
}

/** The acting client of a live token, or null (unknown, malformed or revoked). */
export async function clientActor(token: string, meta: RequestMeta, now: Date, sql: Sql = pooled({ prepared: true })): Promise<Actor | null> {
  const tokenId = tokenIdOf(token);
  if (!tokenId) return null;
  const seenBefore = new Date(now.getTime() - LAST_USED_PRECISION_SECONDS * 1000);
  const [found] = await sql.rows(row, Prisma.sql`
    WITH "live" AS (
      SELECT c."id", c."name", c."tokenHash", c."scopes", c."principalUserId" FROM "MachineClient" c
      WHERE c."tokenId" = ${tokenId} AND c."revokedAt" IS NULL
    ), "used" AS (
      UPDATE "MachineClient" c SET "lastUsedAt" = ${now}::timestamptz
      FROM "live" WHERE c."id" = "live"."id" AND c."tokenHash" = ${hashToken(token)}
        AND (c."lastUsedAt" IS NULL OR c."lastUsedAt" <= ${seenBefore}::timestamptz)
    )
    SELECT "live"."id", "live"."name", "live"."tokenHash", "live"."scopes", "live"."principalUserId", u."email",
      array(SELECT cu."unitId" FROM "MachineClientUnit" cu WHERE cu."clientId" = "live"."id" ORDER BY cu."unitId") AS "unitIds"
    FROM "live" JOIN "User" u ON u."id" = "live"."principalUserId"`);
  if (!found || !tokenMatches(token, found.tokenHash)) return null;
  const scopes: Scope[] = found.scopes.filter(isScope);
  return {
    user: {
      id: found.principalUserId,
      email: found.email,
      name: found.name,
      // never consulted: a client's scopes decide (assertCan)
      role: "CLINICIAN",
      unitIds: found.unitIds,
      client: { id: found.id, name: found.name, scopes },
    },
    meta: { ...meta, clientId: found.id },
  };
}
