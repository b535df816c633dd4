// `npm run recompute`: rewrites every pathway's derived columns, worklist rows
// and deadline rows with the rules engine (after a rule-table change, or to
// repair). The server does the same for open pathways each night by itself.
import { createPrismaClient } from "@/server/db";
import { today } from "@/server/clock";
import { recomputeAllDerived } from "@/server/pathways/derived";

const onlyOpen = process.argv.includes("--open");
const prisma = createPrismaClient(undefined, { timeouts: "job" });
const day = today();
const started = Date.now();
try {
  const { pathways } = await recomputeAllDerived(prisma, day, {
    batchSize: 1000,
    onlyOpen,
    onBatch: (done) => process.stdout.write(`\r${done} forløp …`),
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`\rOmberegnet ${pathways} ${onlyOpen ? "åpne " : ""}forløp for ${day} på ${seconds.toFixed(1)} s (${Math.round(pathways / Math.max(seconds, 0.001))}/s).`);
} catch (error) {
  console.error(`Omberegning feilet: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
