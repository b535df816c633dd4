// `npm run bench:digest`: computes the daily digest of every clinician and
// coordinator on the data in DATABASE_URL (nothing sent, nothing recorded),
// as the server's pass does: one statement per user over the derived rows.
// Prints the total time (issue 20's target: < 10 s on 400 000 pathways), the
// header count's p50/p95 for the busiest coordinator, and its statements' plans.
import { Prisma } from "@/generated/prisma/client";
import { NOTIFICATION_RULES, notificationWindow } from "@/domain/notifications";
import { z } from "@/lib/zod";
import { createPrismaClient } from "@/server/db";
import { now, today } from "@/server/clock";
import { sqlOf } from "@/server/sql";
import { int8 } from "@/server/sql-rows";
import { computeAllDigests } from "@/server/notifications/digest";
import { unreadCount } from "@/server/notifications/count";
import { unreadCountSqls } from "@/server/notifications/query";
import { time } from "./lib/timing";

const prisma = createPrismaClient(undefined, { timeouts: "job" });
const sql = sqlOf(prisma);
try {
  const day = today();
  const pathways = await prisma.pathway.count();
  const started = performance.now();
  const digests = await computeAllDigests(sql, { day, now: now(), baseUrl: "http://localhost:3000", onlyEnabled: false });
  const seconds = (performance.now() - started) / 1000;
  const withMail = digests.filter((d) => d.mail).length;
  console.log(`${pathways} forløp: ${digests.length} brukeres daglige e-post beregnet på ${seconds.toFixed(2)} s (${withMail} med noe å si).`);

  const [busiest] = await sql.rows(
    z.object({ id: z.string(), unitIds: z.array(z.string()), items: int8 }),
    Prisma.sql`SELECT u."id", array(SELECT uu."unitId" FROM "UserUnit" uu WHERE uu."userId" = u."id") AS "unitIds",
      (SELECT count(*) FROM "WorklistItem" w WHERE w."unitId" IN (SELECT uu."unitId" FROM "UserUnit" uu WHERE uu."userId" = u."id")) AS "items"
      FROM "User" u WHERE u."role" = 'COORDINATOR' ORDER BY 3 DESC LIMIT 1`,
  );
  if (busiest) {
    const user = { id: busiest.id, role: "COORDINATOR", unitIds: busiest.unitIds };
    const window = notificationWindow(day, now());
    await time(`varseltelleren i toppen (koordinator, ${busiest.items} arbeidslisterader i enhetene)`, () => unreadCount(sql, user, window));
    // every branch's statement (the count stops at the first with the cap + 1 rows)
    for (const query of unreadCountSqls(user, window, NOTIFICATION_RULES.defaultHorizonDays)) {
      const plan = await sql.rows(z.object({ "QUERY PLAN": z.string() }), Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${query}`);
      console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
    }
  }
} finally {
  await prisma.$disconnect();
}
