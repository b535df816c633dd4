import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { prisma } from "@/server/db";
import { sqlOf } from "@/server/sql";
import { sqlDate } from "@/server/sql-rows";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { writeAudit } from "@/server/audit";
import { ValidationError, fieldErrorsFrom } from "@/server/errors";
import { invalidateRuleTables } from "./load";
import { startRuleRecompute } from "./recompute";
import { addVersionSchema, DURATION_FIELDS, outcomeListValue, type AddVersionData, type AddVersionInput } from "./schema";

// An administrator's new version of one rule table row: never an edit (the
// table refuses UPDATE and DELETE). The version, the request for the
// recompute and the audit row (with the version it supersedes from that date
// as "before") commit together; the recompute then runs in the background.

const previousRow = z.object({
  id: z.string(),
  effectiveFrom: sqlDate,
  value: z.unknown(),
  confirmed: z.boolean(),
  source: z.string(),
});

/** The stored value and confirmed flag of the new version. */
function valueOf(data: AddVersionData, previousValue: unknown): { value: Prisma.InputJsonValue; confirmed: boolean } {
  switch (data.kind) {
    case "DURATION": {
      const durations = Object.fromEntries(DURATION_FIELDS.filter((f) => data.durations[f] !== undefined).map((f) => [f, data.durations[f]!]));
      // a local default that is not confirmed: every given duration is marked so (shown as "ikke bekreftet")
      return { value: { durations, unconfirmed: data.confirmed ? [] : Object.keys(durations) }, confirmed: data.confirmed };
    }
    case "EVENT_LETTER":
      return { value: { label: data.label }, confirmed: data.confirmed };
    case "OUTCOME_LIST": {
      // U's one-click suggestions (activities) stay as they were
      const previous = outcomeListValue.safeParse(previousValue);
      const suggestions = previous.success ? previous.data.suggestions : undefined;
      return { value: { values: data.values, ...(suggestions ? { suggestions } : {}) }, confirmed: data.confirmed };
    }
    case "WORKLIST":
      // local rules, never national norms
      return { value: data.thresholds, confirmed: false };
  }
}

export async function addRuleTableVersion(actor: Actor, input: AddVersionInput): Promise<{ id: string }> {
  assertCan(actor.user, "admin.rules");
  const parsed = addVersionSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFrom(parsed.error.issues));
  const data = parsed.data;
  const id = await prisma.$transaction(async (tx) => {
    const sql = sqlOf(tx);
    // the version it supersedes from its date on (the one in force then; the first before any)
    const [before] = await sql.rows(previousRow, Prisma.sql`
      SELECT "id"::text AS "id", to_char("effectiveFrom", 'YYYY-MM-DD') AS "effectiveFrom", "value", "confirmed", "source"
      FROM "RuleTableVersion" WHERE "kind" = ${data.kind}::"RuleTableKind" AND "key" = ${data.key}
      ORDER BY ("effectiveFrom" <= ${data.effectiveFrom}::date) DESC,
        CASE WHEN "effectiveFrom" <= ${data.effectiveFrom}::date THEN "effectiveFrom" END DESC NULLS LAST, "effectiveFrom", "id" DESC
      LIMIT 1`);
    const { value, confirmed } = valueOf(data, before?.value);
    const [created] = await sql.rows(z.object({ id: z.string() }), Prisma.sql`
      INSERT INTO "RuleTableVersion" ("kind", "key", "effectiveFrom", "value", "confirmed", "source", "reason", "createdById")
      VALUES (${data.kind}::"RuleTableKind", ${data.key}, ${data.effectiveFrom}::date, ${JSON.stringify(value)}::jsonb, ${confirmed},
        ${data.source}, ${data.reason}, ${actor.user.id})
      RETURNING "id"::text AS "id"`);
    await sql.run(Prisma.sql`INSERT INTO "RuleRecompute" ("versionId", "requestedById") VALUES (${created.id}::bigint, ${actor.user.id})`);
    const after = { id: created.id, effectiveFrom: data.effectiveFrom, value, confirmed, source: data.source };
    await writeAudit(
      tx,
      { userId: actor.user.id, action: "RULE_TABLE_VERSION_ADDED", detail: { kind: data.kind, key: data.key, reason: data.reason, before: before ?? null, after } as Prisma.InputJsonValue },
      actor.meta,
    );
    return created.id;
  });
  invalidateRuleTables();
  startRuleRecompute();
  return { id };
}
