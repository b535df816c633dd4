import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { DEFAULT_RULE_TABLES, type DurationRow, type OutcomeListLetter, type PathwayType, type RuleTables, type Setting } from "@/domain/rules";
import { z } from "@/lib/zod";
import { prisma, type Tx } from "@/server/db";
import { sqlOf, type Sql } from "@/server/sql";
import { sqlDate } from "@/server/sql-rows";
import { durationValue, eventLetterValue, outcomeListValue, worklistValue } from "./schema";

// The rule tables the server hands the rules engine: the stored versions
// (RuleTableVersion), read once and kept per process. A new version made by
// this process drops the cache at once; other processes (npm run serve runs
// one per core) see it within CHECK_EVERY_MS, and the recompute that follows
// a new version waits that long before it starts (recompute.ts), so no
// process derives a pathway from the old tables after the recompute did it.
// The same tables object is kept while the versions are unchanged (the
// engine caches code parses per tables object).

export const CHECK_EVERY_MS = 10_000;

export const versionRow = z.object({
  id: z.string(),
  kind: z.enum(["DURATION", "EVENT_LETTER", "OUTCOME_LIST", "WORKLIST"]),
  key: z.string(),
  effectiveFrom: sqlDate,
  value: z.unknown(),
  confirmed: z.boolean(),
});
export type VersionRow = z.output<typeof versionRow>;

/** The versions as the engine's tables (recorded order). A kind without any version keeps its built-in table. */
export function tablesFromVersions(rows: readonly VersionRow[]): RuleTables {
  const durations: DurationRow[] = [];
  const eventLetters: Record<string, RuleTables["eventLetters"][keyof RuleTables["eventLetters"]][number][]> = {};
  const outcomeLists: Record<string, RuleTables["outcomeLists"][OutcomeListLetter][number][]> = {};
  const worklist: RuleTables["worklist"][number][] = [];
  for (const row of rows) {
    const { effectiveFrom, confirmed } = row;
    switch (row.kind) {
      case "DURATION": {
        const [type, setting] = row.key.split(":") as [PathwayType, Setting];
        const value = durationValue.parse(row.value);
        durations.push({ type, setting, effectiveFrom, durations: value.durations, unconfirmed: value.unconfirmed, ...(value.note ? { note: value.note } : {}) });
        break;
      }
      case "EVENT_LETTER":
        (eventLetters[row.key] ??= []).push({ effectiveFrom, confirmed, value: eventLetterValue.parse(row.value) });
        break;
      case "OUTCOME_LIST": {
        const value = outcomeListValue.parse(row.value);
        (outcomeLists[row.key] ??= []).push({ effectiveFrom, confirmed, value: value.suggestions ? value : { values: value.values } });
        break;
      }
      case "WORKLIST":
        worklist.push({ effectiveFrom, confirmed, value: worklistValue.parse(row.value) });
        break;
    }
  }
  return {
    durations: durations.length ? durations : DEFAULT_RULE_TABLES.durations,
    eventLetters: { ...DEFAULT_RULE_TABLES.eventLetters, ...eventLetters },
    outcomeLists: { ...DEFAULT_RULE_TABLES.outcomeLists, ...outcomeLists },
    worklist: worklist.length ? worklist : DEFAULT_RULE_TABLES.worklist,
  };
}

export async function readVersions(db: Tx | Sql): Promise<VersionRow[]> {
  return sqlOf(db).rows(versionRow, Prisma.sql`
    SELECT "id"::text AS "id", "kind"::text AS "kind", "key", to_char("effectiveFrom", 'YYYY-MM-DD') AS "effectiveFrom", "value", "confirmed"
    FROM "RuleTableVersion" v ORDER BY v."id"`);
}

let cached: { tables: RuleTables; stamp: string; checkedAt: number } | null = null;

/** The rule tables in force for the engine (cached; see above). `db`: read through the caller's transaction when it must read them. */
export async function currentRuleTables(db: Tx | Sql = prisma): Promise<RuleTables> {
  const now = Date.now();
  if (cached && now - cached.checkedAt < CHECK_EVERY_MS) return cached.tables;
  const rows = await readVersions(db);
  // versions are only ever added: the same number and last id are the same tables
  const stamp = `${rows.length}:${rows.length ? rows[rows.length - 1].id : ""}`;
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = now;
    return cached.tables;
  }
  cached = { tables: tablesFromVersions(rows), stamp, checkedAt: now };
  return cached.tables;
}

/** After this process added a version: the next call reads the tables again. */
export function invalidateRuleTables(): void {
  cached = null;
}
