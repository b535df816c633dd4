// How long the app waits for PostgreSQL: a stalled or overloaded database
// must give a request a 503 in bounded time, never hang it. Every connection
// gets server-side limits (statement_timeout, idle_in_transaction_session_timeout:
// PostgreSQL cancels the statement or ends the session and frees its locks),
// a client-side read timeout a little longer than the statement limit (it
// fires only when the answer never arrives: a silent network stall, where
// the server's own limit cannot help), and TCP keepalive (a peer that
// vanished is noticed even while the connection is idle).
//
// Requests (reports included: the largest report page takes ~0.2 s at
// 400 000 pathways) use the request profile; bulk work (`npm run recompute`,
// `npm run generate`, the seed) uses the job profile, whose single
// statements can legitimately run for minutes.
import type pg from "pg";
import { env } from "./env";

export type TimeoutProfile = "request" | "job";

export interface DatabaseTimeouts {
  statementMs: number;
  /** client side: statement limit + READ_MARGIN_MS */
  readMs: number;
  idleInTransactionMs: number;
}

/** Time for the server's cancellation to travel back before the client gives up itself. */
const READ_MARGIN_MS = 2_000;
const KEEPALIVE_DELAY_MS = 10_000;

const DEFAULTS: Record<TimeoutProfile, { statementMs: number; idleInTransactionMs: number }> = {
  request: { statementMs: 10_000, idleInTransactionMs: 30_000 },
  job: { statementMs: 600_000, idleInTransactionMs: 300_000 },
};

const SETTING = {
  request: "DATABASE_STATEMENT_TIMEOUT_MS",
  job: "DATABASE_JOB_STATEMENT_TIMEOUT_MS",
} as const satisfies Record<TimeoutProfile, string>;

export function databaseTimeouts(profile: TimeoutProfile = "request"): DatabaseTimeouts {
  // the defaults of the settings (env.ts) are DEFAULTS' statement limits
  const statementMs = env(SETTING[profile]);
  // jobs keep their own: a job's transaction may pause while it computes a page
  const idleInTransactionMs = profile === "job" ? DEFAULTS.job.idleInTransactionMs : env("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS");
  return { statementMs, readMs: statementMs + READ_MARGIN_MS, idleInTransactionMs };
}

/** The pg.Pool options that carry a profile's limits (sent in the startup packet: no extra round trip). */
export function poolTimeoutOptions(timeouts: DatabaseTimeouts): pg.PoolConfig {
  return {
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    query_timeout: timeouts.readMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
  };
}
