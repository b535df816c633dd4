// `npm run bench:check [-- --pathways=100000]`: generates a synthetic EPJ
// extract (100 000 pathways ≈ 530 000 rows, 28 MB by default) and times
// `npm run check -- <file> --format json` on it (compiled, scripts/check.mjs),
// with the peak memory (max RSS) of the process, beside the same CLI run
// through tsx. Needs /usr/bin/time (GNU time).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSyntheticExtract } from "./lib/epj-extract";

const PATHWAYS = Number(process.argv.find((a) => a.startsWith("--pathways="))?.split("=")[1] ?? 100_000);
const TODAY = "2026-11-22";
const dir = mkdtempSync(join(tmpdir(), "bench-check-"));
const file = join(dir, "uttrekk.csv");
try {
  // the check CLI's own columns (as the 28 MB extract)
  const rows = await writeSyntheticExtract(file, PATHWAYS, TODAY, ["pathway_id", "patient_id", "type", "setting", "referral_received", "date", "code", "outcome"]);
  console.log(`${PATHWAYS} forløp, ${rows} rader, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  const run = (label: string, command: string[]) => {
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", ...command, file, "--today", TODAY, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 30 });
    // CPU time beside the wall clock: on a shared, loaded machine the wall clock says more about the neighbours
    const [seconds, kib, user, sys] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
    const checked = JSON.parse(r.stdout).pathways.length;
    console.log(`${label.padEnd(34)} ${seconds.toFixed(1).padStart(5)} s (CPU ${(user + sys).toFixed(1)} s)   ${(kib / 1024).toFixed(0).padStart(5)} MiB   ${checked} forløp`);
  };
  run("npm run check (kompilert)", [process.execPath, "scripts/check.mjs"]);
  if (!process.argv.includes("--compiled-only")) run("gjennom tsx (til sammenligning)", ["node_modules/.bin/tsx", "src/cli/check.ts"]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
