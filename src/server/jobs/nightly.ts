import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { osloDateOf, type IsoDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import { pgPool, prisma } from "@/server/db";
import { today } from "@/server/clock";
import { withConnection, withConnections, type Connection } from "@/server/connection";
import { pooled } from "@/server/sql";
import { recomputeAllDerived, RecomputePageError } from "@/server/pathways/derived";
import { resumePendingRuleRecompute } from "@/server/rule-tables/recompute";
import { foldWorklistCounts } from "@/server/worklist/counts";

// The nightly recompute: the passing of days changes open deadlines, so the
// derived columns and worklist rows are rewritten once per Oslo day. It runs
// inside the server process (no cron to install), at start when the data are
// from an earlier day, and shortly after each Oslo midnight. A PostgreSQL
// advisory lock keeps two server instances (and npm run recompute) from doing
// the same work: taken, held and released on one connection for the whole job
// (see connection.ts), and gone with that connection if the process dies.

const LOCK_KEY = 4_207_001; // arbitrary, unique to this job
/** pages in flight at once, each on a connection of its own (see recomputeAllDerived) */
export const RECOMPUTE_LANES = 2;
const CHECK_EVERY_MS = 15 * 60 * 1000;

/**
 * True when some open pathway was last derived before `day` and no recompute
 * finished for `day` (an unchanged pathway is not rewritten, so its derivedOn
 * stays behind: RecomputeDay says it was checked).
 */
async function isStale(sql: Connection, day: IsoDate): Promise<boolean> {
  const [{ stale }] = await sql.rows(z.object({ stale: z.boolean() }), Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM "Pathway" WHERE "status" = 'OPEN' AND ("derivedOn" IS NULL OR "derivedOn" < ${day}::date))
      AND NOT EXISTS (SELECT 1 FROM "RecomputeDay" WHERE "day" >= ${day}::date) AS "stale"`);
  return stale;
}

/** Records that every open pathway was recomputed for `day` (after the job, or npm run recompute, finished). */
export async function recordRecomputedDay(sql: Connection, day: IsoDate): Promise<void> {
  await sql.run(Prisma.sql`INSERT INTO "RecomputeDay" ("day") VALUES (${day}::date) ON CONFLICT ("day") DO NOTHING`);
  // the days before this one are past: fold them in the worklist's counts (and merge the day's deltas)
  await foldWorklistCounts(sql, day);
}

/**
 * Runs `work` on one connection of `pool` while holding the job's lock there;
 * null (and nothing done) when another session holds it. `work` may take
 * further connections of the pool for pages in flight beside it (lanes).
 */
export async function whileHoldingRecomputeLock<T>(
  pool: Parameters<typeof withConnection>[0],
  work: (connection: Connection, lanes: <R>(use: (lanes: Connection[]) => Promise<R>) => Promise<R>) => Promise<T>,
): Promise<T | null> {
  return withConnection(pool, async (connection) => {
    const [{ locked }] = await connection.rows(z.object({ locked: z.boolean() }), Prisma.sql`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`);
    if (!locked) return null;
    const lanes = <R>(use: (lanes: Connection[]) => Promise<R>) =>
      withConnections(pool, RECOMPUTE_LANES - 1, (others) => use([connection, ...others]));
    const result = await work(connection, lanes);
    const [{ unlocked }] = await connection.rows(z.object({ unlocked: z.boolean() }), Prisma.sql`SELECT pg_advisory_unlock(${LOCK_KEY}) AS unlocked`);
    // cannot happen on the connection that took it; if it did, failing closes the connection, and the lock with it
    if (!unlocked) throw new Error("The recompute lock was not held by its connection");
    return result;
  });
}

export type NightlyOutcome = { status: "recomputed"; pathways: number } | { status: "fresh" } | { status: "busy" };

/**
 * The server's job: recomputes the open pathways when some were derived before
 * today. "busy": another instance holds the lock (and is doing it).
 */
export async function recomputeIfStale(options: { batchSize?: number } = {}): Promise<NightlyOutcome> {
  const day = today();
  const outcome = await whileHoldingRecomputeLock(pgPool(prisma), async (connection, lanes): Promise<NightlyOutcome> => {
    // checked under the lock: an instance that just finished leaves nothing stale
    if (!(await isStale(connection, day))) return { status: "fresh" };
    const started = Date.now();
    const { pathways } = await lanes((all) => recomputeAllDerived(all, day, { onlyOpen: true, batchSize: options.batchSize }));
    await recordRecomputedDay(connection, day);
    console.log(`[forløpsvakt] Nattlig omberegning for ${day}: ${pathways} åpne forløp på ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { status: "recomputed", pathways };
  });
  return outcome ?? { status: "busy" };
}

let timer: NodeJS.Timeout | undefined;

/** Checks every 15 minutes whether the Oslo date has moved on; cheap when it has not. */
export function scheduleNightlyRecompute(): void {
  if (timer) return;
  let lastDay: IsoDate | null = null;
  const tick = async () => {
    // a recompute after a new rule table version that a dead process left unfinished
    await resumePendingRuleRecompute().catch(() => undefined);
    // merges the worklist counts' deltas of the last 15 minutes (a few hundred rows: cheap)
    await foldWorklistCounts(pooled(), today()).catch(() => undefined);
    const day = osloDateOf(new Date());
    if (day === lastDay) return;
    try {
      // busy: the instance holding the lock does it; if it dies, its lock goes with it and the next tick tries
      if ((await recomputeIfStale()).status !== "busy") lastDay = day;
    } catch (error) {
      // The database may be down; the next tick tries again.
      // a failed page names its first pathway and how many were done (ids only, no patient data)
      console.error("[forløpsvakt] Nattlig omberegning feilet:", error instanceof RecomputePageError ? error.message : error instanceof Error ? error.name : typeof error);
    }
  };
  timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  void tick();
}
