import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import nodemailer from "nodemailer";
import { Prisma } from "@/generated/prisma/client";
import { NOTIFICATION_KINDS, notificationWindow, type NotificationKind } from "@/domain/notifications";
import { composeDigest, type DigestMail } from "@/domain/notifications/digest";
import { DIGEST_MAX_ATTEMPTS, nextAttemptAt, osloTimeOf } from "@/domain/notifications/schedule";
import type { IsoDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import { withConnection, type Connection } from "@/server/connection";
import { env } from "@/server/env";
import type { Sql } from "@/server/sql";
import { int8 } from "@/server/sql-rows";
import { countsByKindSql, manyUsers } from "./query";

// The daily e-mail digest, sent by the server itself (scheduler.ts) or by
// `npm run digest`. At most one per user and Oslo day, whatever the number of
// processes or machines: a pass runs under a PostgreSQL advisory lock, and each
// user's mail is claimed by inserting the unique (userId, day) row of
// DigestDelivery before it is sent. A failed send is tried again with backoff
// (DIGEST_RETRY_MINUTES); after the last try the row is FAILED and shown to
// administrators. A day with nothing to say is recorded EMPTY, nothing sent.
// The mail carries counts and links only (domain/notifications/digest.ts).

const LOCK_KEY = 4_207_020; // arbitrary, unique to this job

export interface DigestConfig {
  smtpUrl: string;
  from: string;
  baseUrl: string;
}

export function digestConfigFromEnv(): DigestConfig | null {
  const smtpUrl = env("SMTP_URL");
  if (!smtpUrl) return null;
  return {
    smtpUrl,
    from: env("SMTP_FROM") ?? "Forløpsvakt <forlopsvakt@localhost>",
    baseUrl: env("FORLOPSVAKT_PUBLIC_URL") ?? `http://localhost:${env("PORT")}`,
  };
}

const userRow = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  unitIds: z.array(z.string()),
  kinds: z.array(z.string()),
});
type DigestUser = z.output<typeof userRow>;

const usersSelect = Prisma.sql`SELECT u."id", u."email", u."role"::text AS "role",
    array(SELECT uu."unitId" FROM "UserUnit" uu WHERE uu."userId" = u."id" ORDER BY uu."unitId") AS "unitIds",
    COALESCE(s."digestKinds", ${[...NOTIFICATION_KINDS]}::text[]) AS "kinds"
  FROM "User" u LEFT JOIN "NotificationSettings" s ON s."userId" = u."id"`;

type Counts = Partial<Record<NotificationKind, number>>;

/** The digests' counts for many users: one statement over the derived rows, grouped by user (only each user's chosen kinds). */
export async function digestCountsFor(sql: Sql, users: readonly DigestUser[], day: IsoDate, now: Date): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>(users.map((u) => [u.id, {}]));
  if (!users.length) return out;
  const rows = await sql.rows(z.object({ userId: z.string(), kind: z.string(), n: int8 }), countsByKindSql(manyUsers(users.map((u) => u.id)), notificationWindow(day, now)));
  const kinds = new Map(users.map((u) => [u.id, u.kinds]));
  for (const r of rows) if (kinds.get(r.userId)?.includes(r.kind)) out.get(r.userId)![r.kind as NotificationKind] = r.n;
  return out;
}

export async function digestCounts(sql: Sql, user: DigestUser, day: IsoDate, now: Date): Promise<Counts> {
  return (await digestCountsFor(sql, [user], day, now)).get(user.id) ?? {};
}

export type DigestSend = (mail: DigestMail & { to: string }) => Promise<void>;

/** A sender over nodemailer (one SMTP connection per mail: a digest pass sends few). */
export function smtpSender(config: Pick<DigestConfig, "smtpUrl" | "from">): DigestSend {
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.from });
  return async (mail) => {
    await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  };
}

function errorLabel(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; responseCode?: unknown; message?: unknown };
  // the system error under nodemailer's own code (ESOCKET: ECONNREFUSED); codes only, never the message's text
  const cause = typeof e?.message === "string" ? /\bE[A-Z]{4,}\b/.exec(e.message)?.[0] : undefined;
  const parts = [
    typeof e?.code === "string" ? e.code : null,
    cause && cause !== e?.code ? cause : null,
    typeof e?.responseCode === "number" ? `SMTP ${e.responseCode}` : null,
  ].filter(Boolean);
  return (parts.length ? parts.join(" ") : typeof e?.name === "string" ? e.name : "Error").slice(0, 100);
}

export interface DigestPassResult {
  status: "done" | "busy";
  sent: number;
  empty: number;
  retrying: number;
  failed: number;
}

/** Tries one claimed delivery: SENT, EMPTY, RETRY (with the next try's time) or FAILED. */
async function deliver(sql: Sql, deliveryId: string, attemptsBefore: number, user: DigestUser, day: IsoDate, now: Date, config: DigestConfig, send: DigestSend, known?: Counts) {
  const counts = known ?? (await digestCounts(sql, user, day, now));
  const mail = composeDigest({ day, counts, baseUrl: config.baseUrl });
  const itemCount = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  if (!mail) {
    await sql.run(Prisma.sql`UPDATE "DigestDelivery" SET "status" = 'EMPTY', "itemCount" = 0, "updatedAt" = ${now} WHERE "id" = ${deliveryId}`);
    return "empty" as const;
  }
  const attempts = attemptsBefore + 1;
  try {
    await send({ ...mail, to: user.email });
  } catch (error) {
    const next = nextAttemptAt(attempts, now);
    await sql.run(Prisma.sql`UPDATE "DigestDelivery" SET "status" = ${next ? "RETRY" : "FAILED"}::"DigestStatus", "attempts" = ${attempts},
      "nextAttemptAt" = ${next}, "lastError" = ${errorLabel(error)}, "itemCount" = ${itemCount}, "updatedAt" = ${now} WHERE "id" = ${deliveryId}`);
    console.error(`[forløpsvakt] Daglig e-post feilet (forsøk ${attempts} av ${DIGEST_MAX_ATTEMPTS}): ${errorLabel(error)}`);
    return next ? ("retrying" as const) : ("failed" as const);
  }
  await sql.run(Prisma.sql`UPDATE "DigestDelivery" SET "status" = 'SENT', "attempts" = ${attempts}, "nextAttemptAt" = NULL, "itemCount" = ${itemCount},
    "sentAt" = ${now}, "updatedAt" = ${now} WHERE "id" = ${deliveryId}`);
  return "sent" as const;
}

/**
 * One pass: every user whose digest is on and due (their time of day has come
 * on `day`) and not yet recorded for `day`, and every retry that is due.
 * `ignoreTime`: today's digests now, whatever the chosen time (npm run digest).
 */
export async function runDigestPass(
  pool: pg.Pool,
  options: { day: IsoDate; now: Date; config: DigestConfig; send?: DigestSend; ignoreTime?: boolean },
): Promise<DigestPassResult> {
  const { day, now, config } = options;
  const send = options.send ?? smtpSender(config);
  const result: DigestPassResult = { status: "done", sent: 0, empty: 0, retrying: 0, failed: 0 };
  const outcome = await withConnection(pool, async (connection: Connection) => {
    const [{ locked }] = await connection.rows(z.object({ locked: z.boolean() }), Prisma.sql`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`);
    if (!locked) return "busy" as const;
    try {
      const time = osloTimeOf(now);
      const due = await connection.rows(userRow, Prisma.sql`${usersSelect}
        WHERE u."active" AND u."role" IN ('CLINICIAN', 'COORDINATOR') AND s."digestEnabled"
          AND (${options.ignoreTime ?? false} OR s."digestTime" <= ${time})
          AND NOT EXISTS (SELECT 1 FROM "DigestDelivery" d WHERE d."userId" = u."id" AND d."day" = ${day}::date)
        ORDER BY u."id"`);
      const mine: { user: DigestUser; deliveryId: string }[] = [];
      for (const user of due) {
        // the unique (userId, day) row is the claim: another machine without our lock still cannot send twice
        const claimed = await connection.rows(z.object({ id: z.string() }), Prisma.sql`
          INSERT INTO "DigestDelivery" ("id", "userId", "day", "status", "createdAt", "updatedAt")
          VALUES (${randomUUID()}, ${user.id}, ${day}::date, 'SENDING', ${now}, ${now})
          ON CONFLICT ("userId", "day") DO NOTHING RETURNING "id"`);
        if (claimed.length) mine.push({ user, deliveryId: claimed[0].id });
      }
      // every claimed user's counts in one statement
      const counts = await digestCountsFor(connection, mine.map((m) => m.user), day, now);
      for (const { user, deliveryId } of mine) {
        result[await deliver(connection, deliveryId, 0, user, day, now, config, send, counts.get(user.id) ?? {})]++;
      }
      const retries = await connection.rows(z.object({ id: z.string(), attempts: z.number(), day: z.string() }), Prisma.sql`
        SELECT d."id", d."attempts", to_char(d."day", 'YYYY-MM-DD') AS "day" FROM "DigestDelivery" d
        WHERE d."status" = 'RETRY' AND d."nextAttemptAt" <= ${now} ORDER BY d."nextAttemptAt"`);
      for (const retry of retries) {
        const claimed = await connection.rows(z.object({ userId: z.string() }), Prisma.sql`
          UPDATE "DigestDelivery" SET "status" = 'SENDING', "updatedAt" = ${now} WHERE "id" = ${retry.id} AND "status" = 'RETRY' RETURNING "userId"`);
        if (!claimed.length) continue;
        const [user] = await connection.rows(userRow, Prisma.sql`${usersSelect} WHERE u."id" = ${claimed[0].userId} AND u."active"`);
        if (!user || retry.day !== day) {
          // a day gone by (or a user gone): that digest is stale, never sent late
          await connection.run(Prisma.sql`UPDATE "DigestDelivery" SET "status" = 'FAILED', "updatedAt" = ${now} WHERE "id" = ${retry.id}`);
          result.failed++;
          continue;
        }
        result[await deliver(connection, retry.id, retry.attempts, user, day, now, config, send)]++;
      }
      return "done" as const;
    } finally {
      await connection.run(Prisma.sql`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
  return { ...result, status: outcome };
}

/** npm run digest -- --user: one user's digest now, also when it is off or empty (not recorded: an operator's test). */
export async function digestForUser(sql: Sql, email: string, options: { day: IsoDate; now: Date; baseUrl: string }): Promise<{ mail: DigestMail; user: DigestUser; empty: boolean } | null> {
  const [user] = await sql.rows(userRow, Prisma.sql`${usersSelect} WHERE lower(u."email") = lower(${email})`);
  if (!user) return null;
  const counts = await digestCounts(sql, user, options.day, options.now);
  const mail = composeDigest({ day: options.day, counts, baseUrl: options.baseUrl, always: true })!;
  return { mail, user, empty: Object.values(counts).every((n) => !n) };
}

/** Every user's digest computed (nothing sent, nothing recorded): for --dry-run and the benchmark. */
export async function computeAllDigests(sql: Sql, options: { day: IsoDate; now: Date; baseUrl: string; onlyEnabled: boolean }) {
  const users = await sql.rows(userRow, Prisma.sql`${usersSelect}
    WHERE u."active" AND u."role" IN ('CLINICIAN', 'COORDINATOR') ${options.onlyEnabled ? Prisma.sql`AND s."digestEnabled"` : Prisma.empty} ORDER BY u."email"`);
  const counts = await digestCountsFor(sql, users, options.day, options.now);
  return users.map((user) => ({ email: user.email, mail: composeDigest({ day: options.day, counts: counts.get(user.id) ?? {}, baseUrl: options.baseUrl }) }));
}

/** For administrators: the digests that failed after the last try (no patient data: who, day, error). */
export async function digestFailures(sql: Sql, limit = 50) {
  return sql.rows(
    z.object({ id: z.string(), email: z.string(), day: z.string(), attempts: z.number(), lastError: z.string().nullable() }),
    Prisma.sql`SELECT d."id", u."email", to_char(d."day", 'YYYY-MM-DD') AS "day", d."attempts", d."lastError"
      FROM "DigestDelivery" d JOIN "User" u ON u."id" = d."userId"
      WHERE d."status" = 'FAILED' ORDER BY d."day" DESC, u."email" LIMIT ${limit}`,
  );
}
