// `npm run generate -- --pathways 400000 [--units 20] [--seed 3]`: a synthetic
// health region (units, clinicians, patients with synthetic national ids,
// pathways in every phase with ~6 events, realistic coding errors and delays)
// written straight into the PostgreSQL of DATABASE_URL. See README (Ytelse).
import { env } from "@/server/env";
import { createPrismaClient } from "@/server/db";
import { today } from "@/server/clock";
import { generateDataSet } from "@/server/seed/generate";

function option(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} må være et positivt heltall (fikk «${raw}»).`);
    process.exit(2);
  }
  return value;
}

if (!env("DATABASE_URL")) {
  console.error("DATABASE_URL må peke på PostgreSQL-databasen dataene skal inn i.");
  process.exit(2);
}
if (process.env.NODE_ENV === "production" && !env("ALLOW_DEMO_SEED")) {
  console.error("Syntetiske data lages ikke i produksjon (NODE_ENV=production). Sett ALLOW_DEMO_SEED=1 hvis det virkelig er meningen.");
  process.exit(2);
}

const prisma = createPrismaClient(undefined, { timeouts: "job" });
const pathways = option("pathways") ?? 10_000;
const started = Date.now();
try {
  const result = await generateDataSet(prisma, today(), {
    pathways,
    units: option("units"),
    seed: option("seed"),
    onBatch: (done) => process.stdout.write(`\r${done} / ${pathways} forløp (${((Date.now() - started) / 1000).toFixed(0)} s)`),
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\rLaget ${result.pathways} forløp og ${result.events} hendelser i ${result.units} enheter (kjøring ${result.runId}) på ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.pathways / seconds)} forløp/s). Innlogging: koordinator.1.1.${result.runId}@generert.test / demo1234`,
  );
} catch (error) {
  console.error(`\nGenerering feilet: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
