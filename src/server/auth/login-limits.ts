import "server-only";
import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { prisma, pgPool } from "@/server/db";
import { PREPARED_ALLOWED } from "@/server/sql";
import { LOGIN_ATTEMPT_RETENTION_DAYS, LOGIN_RATE_LIMIT } from "./settings";
import { loginDelaySeconds } from "@/domain/login-delay";

// The login limits (settings and their rules: settings.ts). A slot is
// taken before the password is checked, by rate-limiter-flexible's atomic
// counters in PostgreSQL (one INSERT ... ON CONFLICT DO UPDATE ... RETURNING
// per counter), so parallel attempts cannot all see "under the limit", and
// every server process and host shares the counts. A refused attempt gives
// back the points it took, so the three counts are of attempts whose password
// was or is being checked (the delay's marker stays until it expires). A
// successful login gives back its own points and clears the count and the
// wait of its e-mail and address.

export type LoginLimit = "email_and_ip" | "ip" | "email_delay";

export type LoginSlot =
  | { ok: true; settle: (succeeded: boolean) => Promise<void> }
  | { ok: false; limit: LoginLimit; retryAfterSeconds: number };

const TABLE = "LoginRateLimit";

interface Limiters {
  emailAndIp: RateLimiterPostgres;
  ip: RateLimiterPostgres;
  email: RateLimiterPostgres;
  /** One point per e-mail and address, for as long as the current delay. */
  delay: RateLimiterPostgres;
}

const limitersByPool = new WeakMap<pg.Pool, Limiters>();

function limiters(): Limiters {
  const pool = pgPool();
  let found = limitersByPool.get(pool);
  if (!found) {
    // The library names its statements; without prepared statements (the
    // embedded database, a transaction-mode pooler) they go unnamed.
    const storeClient = { query: (q: pg.QueryConfig) => pool.query(PREPARED_ALLOWED ? q : { text: q.text, values: q.values }) };
    const make = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterPostgres({
        storeClient,
        storeType: "pool",
        tableName: TABLE,
        tableCreated: true, // by the migration 20261129100000_login_limits
        clearExpiredByTimeout: false, // pruneLoginRecords does it
        keyPrefix,
        points,
        duration,
      });
    const { windowSeconds } = LOGIN_RATE_LIMIT;
    found = {
      emailAndIp: make("login-email-ip", LOGIN_RATE_LIMIT.maxAttemptsPerEmailAndIp, windowSeconds),
      ip: make("login-ip", LOGIN_RATE_LIMIT.maxFailuresPerIp, windowSeconds),
      // only counts: never refuses by itself
      email: make("login-email", 2_000_000_000, windowSeconds),
      delay: make("login-delay", 1, LOGIN_RATE_LIMIT.maxDelaySeconds),
    };
    limitersByPool.set(pool, found);
  }
  return found;
}

/** Consumes a point; a refusal is a result, a database error is thrown. */
async function consume(limiter: RateLimiterPostgres, key: string, options?: { customDuration: number }) {
  try {
    return { allowed: true, res: await limiter.consume(key, 1, options) };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, res: error };
    throw error;
  }
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Whether `email` logged in successfully from `ip` within the retention period. */
async function hasLoggedInFrom(email: string, ip: string | null, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * 86_400_000);
  const found = await prisma.loginAttempt.findFirst({ where: { email, ip, succeeded: true, at: { gte: since } }, select: { id: true } });
  return found !== null;
}

/** Takes a slot for checking `email`'s password from `ip` (null: unknown, counted as one address), or says which limit refuses it. */
export async function takeLoginSlot(email: string, ip: string | null, now = new Date()): Promise<LoginSlot> {
  const l = limiters();
  const address = ip ?? "unknown";
  const pairKey = `${address} ${email}`;
  const given: Array<() => Promise<unknown>> = [];
  const refuse = async (limit: LoginLimit, res: RateLimiterRes): Promise<LoginSlot> => {
    // one after another, never in parallel: the embedded database (PGlite) serves every pooled
    // connection from one session and mixes up statements sent at once
    for (const giveBack of given) await giveBack();
    return { ok: false, limit, retryAfterSeconds: retryAfter(res) };
  };

  const pair = await consume(l.emailAndIp, pairKey);
  given.push(() => l.emailAndIp.reward(pairKey, 1));
  if (!pair.allowed) return refuse("email_and_ip", pair.res);

  const byIp = await consume(l.ip, address);
  given.push(() => l.ip.reward(address, 1));
  if (!byIp.allowed && !(await hasLoggedInFrom(email, ip, now))) return refuse("ip", byIp.res);

  const byEmail = await consume(l.email, email);
  given.push(() => l.email.reward(email, 1));
  const delay = loginDelaySeconds(byEmail.res.consumedPoints, LOGIN_RATE_LIMIT);
  if (delay > 0) {
    const gate = await consume(l.delay, pairKey, { customDuration: delay });
    if (!gate.allowed) return refuse("email_delay", gate.res);
  }

  return {
    ok: true,
    settle: async (succeeded) => {
      if (!succeeded) return;
      // one after another, as above
      await l.emailAndIp.delete(pairKey);
      await l.delay.delete(pairKey);
      await l.ip.reward(address, 1);
      await l.email.reward(email, 1);
    },
  };
}
