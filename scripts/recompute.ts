// `npm run recompute`: rewrites every pathway's derived columns, worklist rows
// and deadline rows with the rules engine (after a rule-table change, or to
// repair). The server does the same for open pathways each night by itself;
// both take the same lock, so they never run at once. package.json gives it
// the server workers' larger young generation (--max-semi-space-size=64): the
// pages' JSON is short-lived, and the garbage collector took 17 % of a
// profiled run with the default.
import { createPrismaClient, pgPool } from "@/server/db";
import { today } from "@/server/clock";
import { recordRecomputedDay, whileHoldingRecomputeLock } from "@/server/jobs/nightly";
import { recomputeAllDerived } from "@/server/pathways/derived";
import { readVersions, tablesFromVersions } from "@/server/rule-tables/load";

const onlyOpen = process.argv.includes("--open");
const prisma = createPrismaClient(undefined, { timeouts: "job" });
const day = today();
const started = Date.now();
try {
  // the rule tables as stored now (RuleTableVersion)
  const tables = tablesFromVersions(await readVersions(prisma));
  const result = await whileHoldingRecomputeLock(pgPool(prisma), async (connection, lanes) => {
    const done = await lanes((all) =>
      recomputeAllDerived(all, day, {
        batchSize: 1000,
        onlyOpen,
        tables,
        onBatch: (done) => process.stdout.write(`\r${done} forløp …`),
      }),
    );
    // every open pathway is derived for today: the server's nightly job need not run again today
    await recordRecomputedDay(connection, day);
    return done;
  });
  if (!result) {
    console.error("En annen omberegning kjører allerede (serverens nattlige jobb eller en annen npm run recompute). Prøv igjen når den er ferdig.");
    process.exitCode = 1;
  } else {
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `\rOmberegnet ${result.pathways} ${onlyOpen ? "åpne " : ""}forløp for ${day} på ${seconds.toFixed(1)} s (${Math.round(result.pathways / Math.max(seconds, 0.001))}/s).`,
    );
  }
} catch (error) {
  console.error(`Omberegning feilet: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
