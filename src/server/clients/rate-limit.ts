import "server-only";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { PREPARED_ALLOWED } from "@/server/sql";

// The per-client call limit (API_CLIENT_RATE_LIMIT_PER_MINUTE): counted
// atomically in PostgreSQL by rate-limiter-flexible (as the login limits),
// shared by every process and host, in fixed one-minute windows. A call over
// the limit is answered 429 with Retry-After and never reaches its handler.

const TABLE = "ApiClientRateLimit";
const WINDOW_SECONDS = 60;

const limiters = new WeakMap<pg.Pool, Map<number, RateLimiterPostgres>>();

function limiter(points: number): RateLimiterPostgres {
  const pool = pgPool();
  let byPoints = limiters.get(pool);
  if (!byPoints) limiters.set(pool, (byPoints = new Map()));
  let found = byPoints.get(points);
  if (!found) {
    // unnamed statements without prepared statements (the embedded database)
    const storeClient = { query: (q: pg.QueryConfig) => pool.query(PREPARED_ALLOWED ? q : { text: q.text, values: q.values }) };
    found = new RateLimiterPostgres({
      storeClient,
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true, // by the migration 20261201110100_machine_clients
      clearExpiredByTimeout: false,
      keyPrefix: "client",
      points,
      duration: WINDOW_SECONDS,
    });
    byPoints.set(points, found);
  }
  return found;
}

export class ClientRateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate_limited", `For mange kall fra denne klienten. Prøv igjen om ${retryAfterSeconds} sekund${retryAfterSeconds === 1 ? "" : "er"}.`);
  }
}

/** Counts one call of the client; throws ClientRateLimited over the limit. */
export async function countClientCall(clientId: string): Promise<void> {
  try {
    await limiter(env("API_CLIENT_RATE_LIMIT_PER_MINUTE")).consume(clientId, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new ClientRateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}
