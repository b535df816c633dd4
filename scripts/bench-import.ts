// `npm run bench:import [-- --pathways=18000]`: generates a synthetic EPJ
// extract (18 000 pathways ≈ 100 000 events, valid synthetic national ids),
// creates a unit whose codes the EPJ holds (and its coordinator) in the
// database of DATABASE_URL, and times `npm run import` on it as a dry run, an
// import and a re-import (all unchanged), each with the peak memory (max RSS)
// of its process. Targets (issue 19): dry run < 30 s, import < 90 s,
// re-import < 30 s, < 1 GiB. Needs /usr/bin/time (GNU time). Use a scratch
// database: the unit and its pathways stay.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { PATHWAY_TYPES } from "@/domain/rules";
import { today } from "@/server/clock";
import { createPrismaClient } from "@/server/db";
import { writeSyntheticExtract } from "./lib/epj-extract";

const PATHWAYS = Number(process.argv.find((a) => a.startsWith("--pathways="))?.split("=")[1] ?? 18_000);
const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
const file = join(dir, "uttrekk.csv");
const prisma = createPrismaClient();
try {
  // the stories end before today, so no row is refused as a future date
  const rows = await writeSyntheticExtract(file, PATHWAYS, today());
  console.log(`${PATHWAYS} forløp, ${rows} hendelser, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  const stamp = Date.now().toString(36);
  const unit = await prisma.unit.create({
    data: { name: `Bench EPJ ${stamp}`, kind: "DPS", setting: "POLIKLINIKK", healthTrust: "Bench", pathwayTypes: [...PATHWAY_TYPES], codesRecordedIn: "EPJ" },
  });
  const email = `bench.${stamp}@forlopsvakt.test`;
  await prisma.user.create({ data: { email, name: "Bench Koordinator", passwordHash: bcrypt.hashSync("bench", 4), role: "COORDINATOR", units: { create: { unitId: unit.id } } } });
  const run = (label: string, extra: string[]) => {
    const r = spawnSync(
      "/usr/bin/time",
      ["-f", "%e %M", "node_modules/.bin/tsx", "--conditions=react-server", "scripts/epj-import.ts", file, "--unit", unit.id, "--user", email, "--format", "json", ...extra],
      { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, ALLOW_SYNTHETIC_IDS: process.env.ALLOW_SYNTHETIC_IDS ?? "true" } },
    );
    const [seconds, kib] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
    const { counts } = JSON.parse(r.stdout) as { counts: Record<string, number> };
    console.log(
      `${label.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s   ${(kib / 1024).toFixed(0).padStart(5)} MiB   ` +
        `${counts.eventsCreated} nye, ${counts.eventsCorrected} endret, ${counts.eventsUnchanged} uendret, ${counts.rowsRefused} avvist`,
    );
  };
  run("tørrkjøring", ["--dry-run"]);
  run("import", []);
  run("re-import", []);
} finally {
  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
