// Demo data: `npm run db:seed`. Idempotent (does nothing when the demo users
// exist) and refuses production unless ALLOW_DEMO_SEED=1.
import { createPrismaClient } from "@/server/db";
import { today } from "@/server/clock";
import { env } from "@/server/env";
import { isSeeded, seedDemo } from "@/server/seed/demo";

async function main() {
  if (process.env.NODE_ENV === "production" && !env("ALLOW_DEMO_SEED")) {
    console.error("Demodata lastes ikke i produksjon (NODE_ENV=production). Sett ALLOW_DEMO_SEED=1 hvis det virkelig er meningen.");
    process.exit(1);
  }
  const db = createPrismaClient(undefined, { timeouts: "job" });
  try {
    if (await isSeeded(db)) {
      console.log("Demodata finnes allerede – hopper over.");
      return;
    }
    const started = Date.now();
    const counts = await seedDemo(db, today());
    console.log(
      `Demodata lastet på ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.units} enheter, ${counts.users} brukere, ` +
        `${counts.patients} pasienter, ${counts.pathways} forløp, ${counts.events} hendelser.`,
    );
    if (counts.existingPatients > 0) {
      console.log(
        `Databasen hadde fra før ${counts.existingPatients} pasienter som ikke er demodata (f.eks. fra npm run generate); de er ikke endret. ` +
          (counts.renumbered > 0
            ? `${counts.renumbered} demopasienter fikk et annet syntetisk fødselsnummer, fordi deres var i bruk.`
            : "Ingen demopasient hadde et fødselsnummer som var i bruk."),
      );
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error("Demodata kunne ikke lastes:", error instanceof Error ? error.message : error);
  process.exit(1);
});
