import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import type { IsoDate } from "@/lib/dates";
import { pgPool, prisma } from "@/server/db";
import { today } from "@/server/clock";
import { whileHoldingRecomputeLock } from "@/server/jobs/nightly";
import { recomputeAllDerived, RecomputePageError } from "@/server/pathways/derived";
import { sqlOf } from "@/server/sql";
import { CHECK_EVERY_MS, invalidateRuleTables, readVersions, tablesFromVersions } from "./load";

// The recompute after a new rule table version: every pathway, closed ones
// included (a duration changes their verdicts too), with the existing
// machinery (recomputeAllDerived under the nightly job's lock, page by page).
// It can take minutes on a large installation, so the request that adds the
// version only records a RuleRecompute row and starts this in the background;
// the rule tables page shows it pending until it is done. A process that dies
// meanwhile leaves the row unfinished: the nightly job's next check (every 15
// minutes) or the next start picks it up.

const RETRY_MS = 30_000;
const pendingRow = z.object({ id: z.string() });

export type RuleRecomputeOutcome = { status: "done"; pathways: number } | { status: "none" } | { status: "busy" };

/** Runs every requested recompute not yet finished, as one full recompute. "busy": another job holds the lock. */
export async function runPendingRuleRecomputes(options: { batchSize?: number; today?: IsoDate } = {}): Promise<RuleRecomputeOutcome> {
  const outcome = await whileHoldingRecomputeLock(pgPool(prisma), async (connection, lanes): Promise<RuleRecomputeOutcome> => {
    const pending = await connection.rows(pendingRow, Prisma.sql`SELECT r."id"::text AS "id" FROM "RuleRecompute" r WHERE r."finishedAt" IS NULL ORDER BY r."id"`);
    if (pending.length === 0) return { status: "none" };
    const upTo = pending[pending.length - 1].id;
    await connection.run(Prisma.sql`UPDATE "RuleRecompute" SET "startedAt" = now(), "failure" = NULL WHERE "finishedAt" IS NULL AND "id" <= ${upTo}::bigint`);
    // the versions as committed now, whatever this process has cached
    invalidateRuleTables();
    const tables = tablesFromVersions(await readVersions(connection));
    try {
      const { pathways } = await lanes((all) => recomputeAllDerived(all, options.today ?? today(), { tables, batchSize: options.batchSize }));
      await connection.run(Prisma.sql`
        UPDATE "RuleRecompute" SET "finishedAt" = now(), "pathways" = ${pathways} WHERE "finishedAt" IS NULL AND "id" <= ${upTo}::bigint`);
      return { status: "done", pathways };
    } catch (error) {
      // ids only, never patient data
      const failure = error instanceof RecomputePageError ? error.message : error instanceof Error ? error.name : "ukjent feil";
      await connection.run(Prisma.sql`UPDATE "RuleRecompute" SET "failure" = ${failure.slice(0, 500)} WHERE "finishedAt" IS NULL AND "id" <= ${upTo}::bigint`);
      throw error;
    }
  });
  return outcome ?? { status: "busy" };
}

let running: Promise<void> | null = null;

/**
 * Starts the pending recomputes in the background of this process (once at a
 * time). It first waits until every process has seen the new version (load.ts).
 */
export function startRuleRecompute(delayMs = CHECK_EVERY_MS): void {
  if (running) return;
  running = (async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
      try {
        const outcome = await runPendingRuleRecomputes();
        if (outcome.status !== "busy") return;
      } catch (error) {
        // the row keeps its failure (shown on the page); the nightly job's next check tries again
        console.error("[forløpsvakt] Omberegning etter ny regeltabell feilet:", error instanceof RecomputePageError ? error.message : error instanceof Error ? error.name : typeof error);
        return;
      }
      delayMs = RETRY_MS;
    }
  })().finally(() => {
    running = null;
  });
}

/** For the nightly job's check: starts the recompute when some request is unfinished (a process died during one). */
export async function resumePendingRuleRecompute(): Promise<void> {
  const [{ pending }] = await sqlOf(prisma).rows(z.object({ pending: z.boolean() }), Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM "RuleRecompute" WHERE "finishedAt" IS NULL) AS "pending"`);
  if (pending) startRuleRecompute(0);
}
