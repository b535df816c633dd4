import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";

// `npm run check` runs src/cli/check.ts with tsx, which compiles it with
// esbuild. Spawning `npx tsx` costs 1–2 s a call (npx, tsx's loader, the
// compile), most of the CLI tests' time; these tests bundle the same entry
// once per file with esbuild and run it with plain node. The first test of
// check.test.ts still runs it through `npx tsx`, as `npm run check` does.

let bundle: string | undefined;

function checkBundle(): string {
  if (!bundle) {
    // packages included: date-fns's index alone is hundreds of files for node to load
    const outfile = join(mkdtempSync(join(tmpdir(), "fv-check-cli-")), "check.mjs");
    buildSync({ entryPoints: ["src/cli/check.ts"], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
    bundle = outfile;
  }
  return bundle;
}

/** Runs the check CLI with `args` as a subprocess: its exit status, stdout and stderr. */
export const runCheck = (...args: string[]) =>
  spawnSync(process.execPath, [checkBundle(), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 1 << 28 });
