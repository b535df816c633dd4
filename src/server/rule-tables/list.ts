import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { versionInForce } from "@/domain/rules";
import type { IsoDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import { prisma } from "@/server/db";
import { sqlOf } from "@/server/sql";
import { sqlDate } from "@/server/sql-rows";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";

// Every version of every rule table row for /admin/regeltabeller, with who
// added it, when and why, which one is in force today, and the state of the
// recompute the last version asked for. No patient data.

const versionListRow = z.object({
  id: z.string(),
  kind: z.enum(["DURATION", "EVENT_LETTER", "OUTCOME_LIST", "WORKLIST"]),
  key: z.string(),
  effectiveFrom: sqlDate,
  value: z.unknown(),
  confirmed: z.boolean(),
  source: z.string(),
  reason: z.string(),
  createdBy: z.string().nullable(),
  /** ISO instant */
  createdAt: z.string(),
});
export type RuleVersionListRow = z.output<typeof versionListRow> & { inForce: boolean };

const recomputeRow = z.object({
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  pathways: z.number().nullable(),
  failure: z.string().nullable(),
});
export type RuleRecomputeState = z.output<typeof recomputeRow>;

export async function listRuleTableVersions(actor: Actor, today: IsoDate): Promise<{ versions: RuleVersionListRow[]; recompute: RuleRecomputeState | null }> {
  assertCan(actor.user, "admin.rules");
  const sql = sqlOf(prisma);
  const rows = await sql.rows(versionListRow, Prisma.sql`
    SELECT v."id"::text AS "id", v."kind"::text AS "kind", v."key", to_char(v."effectiveFrom", 'YYYY-MM-DD') AS "effectiveFrom", v."value",
      v."confirmed", v."source", v."reason", u."name" AS "createdBy",
      to_char(v."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
    FROM "RuleTableVersion" v LEFT JOIN "User" u ON u."id" = v."createdById"
    ORDER BY v."id"`);
  const byRow = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.kind}|${r.key}`;
    byRow.set(k, [...(byRow.get(k) ?? []), r]);
  }
  const inForce = new Set<string>();
  for (const versions of byRow.values()) {
    const current = versionInForce(versions, today);
    if (current) inForce.add(current.id);
  }
  const [recompute] = await sql.rows(recomputeRow, Prisma.sql`
    SELECT to_char("requestedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "requestedAt",
      to_char("startedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startedAt",
      to_char("finishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "finishedAt", "pathways", "failure"
    FROM "RuleRecompute" ORDER BY "id" DESC LIMIT 1`);
  return { versions: rows.map((r) => ({ ...r, inForce: inForce.has(r.id) })), recompute: recompute ?? null };
}
