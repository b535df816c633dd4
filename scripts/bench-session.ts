// `npm run bench:session`: what checking the session in the database costs
// each request. Every signed-in request runs one statement to learn who is
// signed in; since sessions have rows (logout, idle timeout) that statement
// also checks the session's row and, once a minute per session, rewrites its
// lastSeenAt. Compared here, alternately in blocks (the host's speed varies),
// on the database of DATABASE_URL through the app's pg pool as prepared
// statements: the user lookup alone (the statement before sessions had rows),
// the check without the write, and the check with it. Round trip per call,
// one call at a time.
import { performance } from "node:perf_hooks";
import { Prisma } from "@/generated/prisma/client";
import { createPrismaClient, pgPool } from "@/server/db";
import { z } from "@/lib/zod";
import { viaPg } from "@/server/sql";
import { sessionUser } from "@/server/auth/session-user";
import { startSession } from "@/server/auth/sessions";
import { LAST_SEEN_PRECISION_SECONDS } from "@/server/auth/session-rules";

const CALLS = Number(process.argv.find((a) => a.startsWith("--calls="))?.split("=")[1] ?? 4000);
const BLOCKS = 8;

const prisma = createPrismaClient(undefined, { max: 2 });
(globalThis as { forlopsvaktPrisma?: typeof prisma }).forlopsvaktPrisma = prisma;
const sql = viaPg(pgPool(prisma), { prepared: true });

const userRow = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string(), active: z.boolean(), unitIds: z.array(z.string()) });
const userLookup = (id: string) =>
  sql.rows(userRow, Prisma.sql`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."active",
      array(SELECT uu."unitId" FROM "UserUnit" uu WHERE uu."userId" = u."id" ORDER BY uu."unitId") AS "unitIds"
    FROM "User" u WHERE u."id" = ${id}`);

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
const pick = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  const user = await prisma.user.findFirst({ where: { active: true, units: { some: {} } }, select: { id: true } });
  if (!user) throw new Error("no active user with a unit: load the demo data first");
  const start = new Date();
  const created: string[] = [];
  const newSession = async () => {
    const id = (await startSession(user.id, start, sql))!;
    created.push(id);
    return { sessionId: id, userId: user.id };
  };
  const reading = await newSession();
  let writing = await newSession();
  let step = 0;
  const variants: Record<string, () => Promise<unknown>> = {
    "user lookup alone (before)": () => userLookup(user.id),
    "session check, no write": () => sessionUser(sql, reading, at(start, 1)),
    "session check writing lastSeenAt": async () => {
      // each call a precision later than the one before, so each one writes;
      // a new session before the idle timeout or the absolute limit ends it
      if (++step * LAST_SEEN_PRECISION_SECONDS > 11 * 3600) {
        writing = await newSession();
        step = 1;
      }
      return sessionUser(sql, writing, at(start, step * LAST_SEEN_PRECISION_SECONDS));
    },
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (const fn of Object.values(variants)) for (let i = 0; i < 300; i++) await fn(); // warm-up
  for (let block = 0; block < BLOCKS; block++) {
    for (const [label, fn] of Object.entries(variants)) {
      for (let i = 0; i < CALLS / BLOCKS; i++) {
        const t = performance.now();
        await fn();
        samples[label].push(performance.now() - t);
      }
    }
  }
  console.log(`${CALLS} calls each, ${BLOCKS} alternating blocks, round trip in ms:`);
  for (const [label, values] of Object.entries(samples)) {
    values.sort((a, b) => a - b);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    console.log(`${label.padEnd(36)} p50 ${pick(values, 50).toFixed(3)}  p97.5 ${pick(values, 97.5).toFixed(3)}  p99 ${pick(values, 99).toFixed(3)}  mean ${mean.toFixed(3)}`);
  }
  await prisma.userSession.deleteMany({ where: { id: { in: created } } });
} finally {
  await prisma.$disconnect();
}
