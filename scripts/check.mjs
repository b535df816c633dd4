// `npm run check -- <fil.csv> [--today ÅÅÅÅ-MM-DD] [--format table|json]`: runs
// src/cli/check.ts as plain compiled JavaScript (an esbuild bundle, packages
// external), not through tsx: tsx's transform wraps every function and costs
// time and memory on a national extract (issue 19: 530 000 rows in < 4 s).
// The bundle is kept in node_modules/.cache/check and built again only when
// one of its source files is newer than it.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// inside the project, so packages still resolve from its node_modules
const dir = join(root, "node_modules/.cache/check");
const bundle = join(dir, "check.mjs");
const inputsFile = join(dir, "inputs.json");

function fresh() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const built = statSync(bundle).mtimeMs;
  try {
    return JSON.parse(readFileSync(inputsFile, "utf8")).every((file) => statSync(join(root, file)).mtimeMs < built);
  } catch {
    return false;
  }
}

if (!fresh()) {
  const { build } = await import("esbuild");
  mkdirSync(dir, { recursive: true });
  // built beside and renamed: a concurrent run never imports half a file
  const outfile = join(dir, `check-${process.pid}.mjs`);
  const result = await build({
    entryPoints: [join(root, "src/cli/check.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: join(root, "tsconfig.json"),
    absWorkingDir: root,
    metafile: true,
    logLevel: "warning",
  });
  writeFileSync(inputsFile, JSON.stringify(Object.keys(result.metafile.inputs)));
  renameSync(outfile, bundle);
}
await import(pathToFileURL(bundle).href);
