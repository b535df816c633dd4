import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { createPrismaClient, pgPool } from "@/server/db";
import { isDatabaseUnavailable } from "@/server/db-errors";
import { viaPg } from "@/server/sql";
import { databaseProxy, throughProxy } from "../support/db-proxy";

// Every connection the app opens carries time limits, so that a busy or
// stalled database gives a request an error (then a 503) in bounded time
// instead of hanging it: server-side limits for statements and for idling in
// a transaction, a client-side read timeout for answers that never come, TCP
// keepalive. Through Prisma's adapter and through pg on the same pool.

const target = new URL(process.env.DATABASE_URL!);
// PGlite (the embedded database) accepts the settings but does not enforce them
const embedded = process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1";

async function elapsed<T>(work: () => Promise<T>): Promise<{ ms: number; result?: T; error?: unknown }> {
  const started = Date.now();
  try {
    const result = await work();
    return { ms: Date.now() - started, result };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

function withEnv<T>(values: Record<string, string>, make: () => T): T {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  try {
    return make();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe.skipIf(embedded)("time limits on every connection", () => {
  it("the server's client: 10 s per statement, 30 s idle in a transaction, through Prisma and through pg", async () => {
    const db = createPrismaClient(target.toString(), { max: 2 });
    try {
      const [viaPrisma] = await db.$queryRaw<{ statement: string; idle: string }[]>`
        SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
      const [direct] = await viaPg(pgPool(db)).rows(
        z.object({ statement: z.string(), idle: z.string() }),
        Prisma.sql`SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      expect(viaPrisma).toEqual({ statement: "10s", idle: "30s" });
      expect(direct).toEqual({ statement: "10s", idle: "30s" });
      // inside a transaction too (a connection of its own from the pool)
      const inTransaction = await db.$transaction((tx) => tx.$queryRaw<{ statement: string }[]>`SELECT current_setting('statement_timeout') AS statement`);
      expect(inTransaction[0].statement).toBe("10s");
      expect(pgPool(db).options).toMatchObject({ keepAlive: true, query_timeout: 12_000 });
    } finally {
      await db.$disconnect();
    }
  });

  it("bulk jobs (recompute, generate, seed) get an explicit longer limit, not none", async () => {
    const db = createPrismaClient(target.toString(), { max: 1, timeouts: "job" });
    try {
      const [row] = await db.$queryRaw<{ statement: string }[]>`SELECT current_setting('statement_timeout') AS statement`;
      expect(row.statement).toBe("10min");
    } finally {
      await db.$disconnect();
    }
  });

  it("a statement over the limit is cancelled by PostgreSQL and counts as 'database unavailable'", async () => {
    const db = withEnv({ DATABASE_STATEMENT_TIMEOUT_MS: "500" }, () => createPrismaClient(target.toString(), { max: 1 }));
    try {
      const outcome = await elapsed(() => db.$queryRaw`SELECT pg_sleep(5)`);
      expect(isDatabaseUnavailable(outcome.error)).toBe(true);
      expect(outcome.ms).toBeLessThan(4_000);
      // the connection stays usable
      expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("a silent stall (nothing answers, nothing closes)", () => {
  const proxy = databaseProxy(target);
  let url = "";
  beforeAll(async () => {
    url = throughProxy(target, await proxy.listen());
  });
  afterAll(() => proxy.close());

  it("fails queries in bounded time as 'database unavailable', and works again when the stall ends", async () => {
    // 1 s statement limit: the read timeout is 3 s
    const db = withEnv({ DATABASE_STATEMENT_TIMEOUT_MS: "1000" }, () => createPrismaClient(url, { max: 3 }));
    try {
      expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      proxy.stall();
      const [model, raw, pooled, transaction] = await Promise.all([
        elapsed(() => db.user.findFirst({ select: { id: true } })),
        elapsed(() => db.$queryRaw`SELECT 1`),
        elapsed(() => viaPg(pgPool(db)).run(Prisma.sql`SELECT 1`)),
        elapsed(() => db.$transaction((tx) => tx.$queryRaw`SELECT 1`)),
      ]);
      for (const outcome of [model, raw, pooled, transaction]) {
        expect(outcome.error, String(outcome.error)).toBeDefined();
        expect(isDatabaseUnavailable(outcome.error), String(outcome.error)).toBe(true);
        // bounded: the read timeout (3 s) or the pool's wait (5 s), with room for a busy machine
        expect(outcome.ms).toBeLessThan(15_000);
      }
      proxy.resume();
      const until = Date.now() + 20_000;
      let recovered = false;
      while (!recovered && Date.now() < until) {
        recovered = await db.$queryRaw`SELECT 1 AS one`.then(() => true, () => false);
        if (!recovered) await new Promise((r) => setTimeout(r, 250));
      }
      expect(recovered).toBe(true);
      expect(await viaPg(pgPool(db)).rows(z.object({ two: z.number() }), Prisma.sql`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
    } finally {
      proxy.resume();
      await db.$disconnect();
    }
  }, 60_000);
});
