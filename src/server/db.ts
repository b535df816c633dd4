import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { databaseTimeouts, poolTimeoutOptions, type TimeoutProfile } from "./db-timeouts";

// One PrismaClient per process (Next dev reloads modules; keep it on globalThis),
// created on first use so that `next build` never needs a database.
// pg's pool reconnects by itself when PostgreSQL comes back after an outage.
const globalForPrisma = globalThis as unknown as { forlopsvaktPrisma?: PrismaClient };

// The pg pool under each client: the hottest paths run their SQL on it
// directly (see sql.ts), beside Prisma, on the same connections. Kept on the
// client itself: Next bundles this module more than once, the client is shared.
const POOL = Symbol.for("forlopsvakt.pgPool");
type WithPool = PrismaClient & { [POOL]?: pg.Pool };

/** `timeouts`: "request" (the server) or "job" (bulk scripts: longer statements), see db-timeouts.ts. */
export function createPrismaClient(
  connectionString = env("DATABASE_URL"),
  options: { max?: number; timeouts?: TimeoutProfile } = {},
): PrismaClient {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? env("DATABASE_POOL_SIZE"),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...poolTimeoutOptions(databaseTimeouts(options.timeouts)),
    // PostgreSQL's JIT spends seconds compiling report queries that run in
    // milliseconds on their indexes; this is an OLTP application.
    options: "-c jit=off",
  });
  // a pooled connection that breaks while idle (database restarted) is
  // replaced by the pool; without a listener the process would crash
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  (client as WithPool)[POOL] = pool;
  return client;
}

function client(): PrismaClient {
  globalForPrisma.forlopsvaktPrisma ??= createPrismaClient();
  return globalForPrisma.forlopsvaktPrisma;
}

// Answers like the client for `get` and `in` (code that asks `"$transaction" in db`
// must not take it for something else).
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
  has(_target, prop) {
    return Reflect.has(client(), prop);
  },
});

/** The pg pool of the app's client (or of `db`, a client made by createPrismaClient). */
export function pgPool(db: PrismaClient = client()): pg.Pool {
  const pool = (db as WithPool)[POOL];
  if (!pool) throw new Error("This PrismaClient was not made by createPrismaClient");
  return pool;
}

export type Db = PrismaClient;
/** A client or an interactive-transaction client. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0] | PrismaClient;
