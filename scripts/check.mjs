// `npm run check -- <fil.csv> [--today ÅÅÅÅ-MM-DD] [--format table|json]`: runs
// src/cli/check.ts as plain compiled JavaScript (an esbuild bundle, packages
// external), not through tsx: tsx's transform wraps every function and costs
// time and memory on a national extract (issue 19: 530 000 rows in < 4 s).
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// inside the project, so packages still resolve from its node_modules
const dir = join(root, "node_modules/.cache/check");
mkdirSync(dir, { recursive: true });
const outfile = join(dir, `check-${process.pid}.mjs`);
await build({
  entryPoints: [join(root, "src/cli/check.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: join(root, "tsconfig.json"),
  absWorkingDir: root,
  logLevel: "warning",
});
process.on("exit", () => rmSync(outfile, { force: true }));
await import(pathToFileURL(outfile).href);
