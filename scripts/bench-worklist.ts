// `npm run bench:worklist`: how fast the coordinator's worklist (first page,
// summary, a filtered page and a deep page) answers on the data in
// DATABASE_URL, for the unit with the most worklist rows. Service level (no
// HTTP); the HTTP load test with concurrent users is the scale issue's.
import type { Actor } from "@/server/auth/current-user";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { createPrismaClient } from "@/server/db";
import { sqlOf } from "@/server/sql";
import { int8 } from "@/server/sql-rows";
import { today } from "@/server/clock";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { listWorklist, worklistSummary } from "@/server/worklist/query";
import { RUNS, time } from "./lib/timing";

const prisma = createPrismaClient();
(globalThis as { forlopsvaktPrisma?: typeof prisma }).forlopsvaktPrisma = prisma;

try {
  const [pathways, items] = await Promise.all([prisma.pathway.count(), prisma.worklistItem.count()]);
  const [{ unitId, rows }] = await sqlOf(prisma).rows(
    z.object({ unitId: z.string(), rows: int8 }),
    Prisma.sql`SELECT "unitId", count(*) AS rows FROM "WorklistItem" GROUP BY "unitId" ORDER BY rows DESC LIMIT 1`,
  );
  const unitPathways = await prisma.pathway.count({ where: { unitId } });
  const actor: Actor = {
    user: { id: "bench", email: "bench@forlopsvakt.test", name: "Benchmark", role: "COORDINATOR", unitIds: [unitId] },
    meta: { ip: "127.0.0.1", userAgent: "bench-worklist" },
  };
  // audit rows need a real user: borrow the unit's coordinator
  const coordinator = await prisma.user.findFirst({ where: { role: "COORDINATOR", units: { some: { unitId } } }, select: { id: true } });
  if (coordinator) actor.user.id = coordinator.id;
  const day = today();
  console.log(`${pathways} forløp, ${items} arbeidslisterader i alt; største enhet: ${unitPathways} forløp, ${rows} rader. ${RUNS} målinger per spørring.`);

  const first = worklistFilterSchema.parse({});
  await time("første side (gruppert, 50 rader)", () => listWorklist(actor, first, day));
  await time("første side (etter frist)", () => listWorklist(actor, worklistFilterSchema.parse({ sortering: "frist" }), day));
  await time("oversikt (antall per grunn + denne måneden)", () => worklistSummary(actor, first, day));
  await time("filtrert: forfalte frister, D11", () => listWorklist(actor, worklistFilterSchema.parse({ grunn: "forfalt", type: "D11" }), day));
  let etter: string | undefined;
  for (let i = 0; i < 20; i++) etter = (await listWorklist(actor, worklistFilterSchema.parse({ etter }), day)).nextCursor ?? etter;
  await time("side 21 (nøkkelbasert bla)", () => listWorklist(actor, worklistFilterSchema.parse({ etter }), day));
} finally {
  await prisma.$disconnect();
}
