// `npm run bench:reports`: how fast the leader's reports answer on the data in
// DATABASE_URL: a year of the unit with the most pathways, and all units.
// Service level (no HTTP).
import type { Actor } from "@/server/auth/current-user";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { createPrismaClient } from "@/server/db";
import { sqlOf } from "@/server/sql";
import { int8 } from "@/server/sql-rows";
import { today } from "@/server/clock";
import { drillDown, drillDownAll, drillDownSchema } from "@/server/reports/drill-down";
import { reportFilterSchema } from "@/server/reports/filters";
import { codingLagReport, complianceReport, qualityReport, trendReport } from "@/server/reports/queries";
import { RUNS, time } from "./lib/timing";

const prisma = createPrismaClient();
(globalThis as { forlopsvaktPrisma?: typeof prisma }).forlopsvaktPrisma = prisma;

try {
  const [{ unitId, pathways }] = await sqlOf(prisma).rows(
    z.object({ unitId: z.string(), pathways: int8 }),
    Prisma.sql`SELECT "unitId", count(*) AS pathways FROM "Pathway" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  const allUnits = (await prisma.unit.findMany({ select: { id: true } })).map((u) => u.id);
  const leader = await prisma.user.findFirst({ where: { role: "LEADER" }, select: { id: true } });
  const actor = (unitIds: string[]): Actor => ({
    user: { id: leader!.id, email: "bench@forlopsvakt.test", name: "Benchmark", role: "LEADER", unitIds },
    meta: { ip: "127.0.0.1", userAgent: "bench-reports" },
  });
  const day = today();
  const year = reportFilterSchema.parse({ periode: "siste-12-maaneder" });
  console.log(`${await prisma.pathway.count()} forløp i ${allUnits.length} enheter; største enhet ${pathways} forløp. ${RUNS} målinger per rapport, siste 12 måneder.`);
  for (const [label, units] of [["største enhet", [unitId]], ["alle enheter", allUnits]] as const) {
    await time(`etterlevelse + forsinkelse (${label})`, () => complianceReport(actor([...units]), year, day));
    await time(`trend 12 måneder (${label})`, () => trendReport(actor([...units]), year, day));
    await time(`datakvalitet (${label})`, () => qualityReport(actor([...units]), year, day));
    await time(`kodeforsinkelse (${label})`, () => codingLagReport(actor([...units]), year, day));
    await time(`hele siden (${label})`, () =>
      Promise.all([
        complianceReport(actor([...units]), year, day), trendReport(actor([...units]), year, day), qualityReport(actor([...units]), year, day),
        codingLagReport(actor([...units]), year, day),
      ]),
    );
  }
  const breaches = drillDownSchema.parse({ hva: "frist", kind: "basis_assessment", utfall: "brudd" });
  await time("drill-down: basisutredning, brudd (største enhet), side 1", () => drillDown(actor([unitId]), year, breaches, day));
  await time("drill-down: basisutredning, brudd (største enhet), side 10", () => drillDown(actor([unitId]), year, breaches, day, 10));
  await time("drill-down: basisutredning, brudd (største enhet), alle rader (CSV)", () => drillDownAll(actor([unitId]), year, breaches, day));
} finally {
  await prisma.$disconnect();
}
