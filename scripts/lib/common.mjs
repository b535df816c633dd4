// Shared by scripts/start.mjs and scripts/test.mjs. Plain Node, no
// dependencies: it runs before `npm install`.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = new URL("../..", import.meta.url).pathname;
export const PRISMA_ENV = { PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" };
const children = new Set();

export function log(message) {
  console.log(`[forløpsvakt] ${message}`);
}

/** Runs a command, inheriting output; throws on failure. Returns seconds taken. */
export function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} feilet (kode ${result.status ?? result.signal})`);
  return (Date.now() - started) / 1000;
}

/** run() without blocking: other children (runInBackground) go on meanwhile. */
export function runAsync(command, args, env = {}) {
  const started = Date.now();
  const child = track(spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } }));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve((Date.now() - started) / 1000);
      else reject(new Error(`${command} ${args.join(" ")} feilet (kode ${code ?? signal})`));
    });
  });
}

/**
 * Starts a command beside whatever runs next, its output kept in a file and
 * printed when it ends (so it does not interleave with the foreground's).
 * Resolves when it succeeded; rejects (after printing the output) on failure.
 */
export function runInBackground(label, command, args, env = {}, beside = "the integration tests") {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "forlopsvakt-bg-"));
  const file = join(dir, "output.log");
  const fd = openSync(file, "w");
  const child = track(spawn(command, args, { cwd: ROOT, stdio: ["ignore", fd, fd], env: { ...process.env, ...env } }));
  closeSync(fd);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      process.stdout.write(readFileSync(file));
      rmSync(dir, { recursive: true, force: true });
      log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s (beside ${beside})`);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} feilet (kode ${code ?? signal})`));
    });
  });
}

export async function timedAsync(label, fn) {
  const started = Date.now();
  const value = await fn();
  log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return value;
}

export function timed(label, fn) {
  const started = Date.now();
  const value = fn();
  log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return value;
}

export function ensureDependencies() {
  const needed = ["next", "prisma", "@prisma/client", "tsx", "@electric-sql/pglite", "vitest", "@playwright/test"];
  if (needed.every((p) => existsSync(join(ROOT, "node_modules", p, "package.json")))) return;
  timed("npm install", () => run("npm", ["install", "--no-audit", "--no-fund"]));
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

export function ensurePrismaClient() {
  const generated = join(ROOT, "src/generated/prisma/client.ts");
  if (existsSync(generated) && statSync(generated).mtimeMs >= newest(join(ROOT, "prisma/schema.prisma"))) return;
  timed("prisma generate", () => run("npx", ["prisma", "generate"], PRISMA_ENV));
}

/** Migrates as the role of `ownerUrl` (it then owns what the migrations create). */
export function migrate(ownerUrl) {
  timed("prisma migrate deploy", () =>
    run("npx", ["prisma", "migrate", "deploy"], { ...PRISMA_ENV, DATABASE_URL: ownerUrl, MIGRATION_DATABASE_URL: ownerUrl }),
  );
}

export function buildIsStale() {
  const buildId = join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "src", "prisma", "public", "next.config.js", "package.json", "proxy.ts", "postcss.config.mjs"];
  return sources.some((s) => newest(join(ROOT, s)) > built);
}

/** Starts the embedded database as a child process; resolves with its URL. */
export function startEmbeddedDatabase({ dataDir, port }) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), ["scripts/embedded-db.ts"], {
      cwd: ROOT,
      env: { ...process.env, EMBEDDED_DB_DIR: dataDir, EMBEDDED_DB_PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    track(child);
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk.toString();
      const match = buffer.match(/READY (\S+)/);
      if (match) resolve({ url: match[1], child });
    });
    child.on("exit", (code) => reject(new Error(`Den innebygde databasen stoppet (kode ${code}).`)));
  });
}

export function track(child) {
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Stops every child we started, politely first. */
export async function stopChildren() {
  const waiting = [...children].map(
    (child) =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
        setTimeout(() => {
          if (child.exitCode === null) child.kill("SIGKILL");
        }, 5000).unref();
      }),
  );
  await Promise.all(waiting);
}
