// `npm run bench:rules`: runs scripts/bench-rules.ts as plain compiled
// JavaScript, the way the engine runs in the built app. Under tsx every
// function and closure is wrapped in a `__name(...)` call, which is part of
// tsx's transform, not of the engine, and would distort the timings.
// esbuild is a declared devDependency (also the one tsx uses). Arguments are passed on (e.g. --pathways=100000).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Inside the project, so packages still resolve from its node_modules.
const dir = join(root, "node_modules/.cache/bench-rules");
mkdirSync(dir, { recursive: true });
const outfile = join(dir, `bench-rules-${process.pid}.mjs`);
try {
  await build({
    entryPoints: [join(root, "scripts/bench-rules.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["react-server"],
    packages: "external",
    tsconfig: join(root, "tsconfig.json"),
    absWorkingDir: root,
    logLevel: "warning",
  });
  const run = spawnSync(process.execPath, ["--conditions=react-server", outfile, ...process.argv.slice(2)], { stdio: "inherit", cwd: root });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(outfile, { force: true });
}
