// `npm run bench:check [-- --pathways=100000]`: generates a synthetic EPJ
// extract (100 000 pathways ≈ 530 000 rows, 28 MB by default) and times
// `npm run check -- <file> --format json` on it (compiled, scripts/check.mjs),
// with the peak memory (max RSS) of the process, beside the same CLI run
// through tsx. Needs /usr/bin/time (GNU time).
// The default extract's report is also held to the one the CLI printed before
// it was made faster (SHA-256 below, issue 19: the JSON stays byte for byte
// the same): a change to the rules, the seed stories or the report's format
// changes it on purpose, and then the new hash is recorded here.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSyntheticExtract } from "./lib/epj-extract";

const PATHWAYS = Number(process.argv.find((a) => a.startsWith("--pathways="))?.split("=")[1] ?? 100_000);
const TODAY = "2026-11-22";
/** SHA-256 of `check --format json` and of the table on the default extract (100 000 pathways, seed 19, TODAY). */
const EXPECTED_SHA256: Record<string, string> = {
  json: "bd06684851f9ce37828899f8f9ba258e73c309b2586c7df55cec551722d041cb",
  table: "54d6be2ac43e5482b1ae6a05784bd36ddfdb212790e264660c5e2fd80a685af8",
};
const dir = mkdtempSync(join(tmpdir(), "bench-check-"));
const file = join(dir, "uttrekk.csv");
try {
  // the check CLI's own columns (as the 28 MB extract)
  const rows = await writeSyntheticExtract(file, PATHWAYS, TODAY, ["pathway_id", "patient_id", "type", "setting", "referral_received", "date", "code", "outcome"]);
  console.log(`${PATHWAYS} forløp, ${rows} rader, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  const sameAsBefore = (format: string, stdout: string) => {
    if (PATHWAYS !== 100_000) return;
    const sha256 = createHash("sha256").update(stdout).digest("hex");
    if (sha256 !== EXPECTED_SHA256[format]) throw new Error(`--format ${format}: rapporten avviker fra den kjente (SHA-256 ${sha256})`);
    console.log(`--format ${format}: byte for byte som før (SHA-256 ${sha256.slice(0, 12)}…)`);
  };
  const run = (label: string, command: string[]) => {
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", ...command, file, "--today", TODAY, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 30 });
    // CPU time beside the wall clock: on a shared, loaded machine the wall clock says more about the neighbours
    const [seconds, kib, user, sys] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
    const checked = JSON.parse(r.stdout).pathways.length;
    console.log(`${label.padEnd(34)} ${seconds.toFixed(1).padStart(5)} s (CPU ${(user + sys).toFixed(1)} s)   ${(kib / 1024).toFixed(0).padStart(5)} MiB   ${checked} forløp`);
    sameAsBefore("json", r.stdout);
  };
  run("npm run check (kompilert)", [process.execPath, "scripts/check.mjs"]);
  const table = spawnSync(process.execPath, ["scripts/check.mjs", file, "--today", TODAY], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (table.status !== 0) throw new Error(`table: exit ${table.status}\n${table.stderr}`);
  sameAsBefore("table", table.stdout);
  if (!process.argv.includes("--compiled-only")) run("gjennom tsx (til sammenligning)", ["node_modules/.bin/tsx", "src/cli/check.ts"]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
