// `npm start`: everything a newcomer needs, in order. Installs what is missing,
// starts the embedded PostgreSQL unless DATABASE_URL is set, migrates, loads the
// demo data once, builds if the sources changed, and serves the app.
// Ctrl-C stops the app and the embedded database cleanly.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import {
  ROOT, buildIsStale, ensureDependencies, ensurePrismaClient, log, migrate, run, startEmbeddedDatabase, stopChildren, timed, track,
} from "./lib/common.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.FORLOPSVAKT_DATA_DIR ?? join(ROOT, ".data");
const started = Date.now();

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Stopper …");
  await stopChildren();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  mkdirSync(dataDir, { recursive: true });
  ensureDependencies();
  ensurePrismaClient();

  let databaseUrl = process.env.DATABASE_URL;
  const databaseEnv = {};
  if (!databaseUrl) {
    const embedded = await startEmbeddedDatabase({ dataDir: join(dataDir, "pglite"), port: Number(process.env.EMBEDDED_DB_PORT ?? 54329) });
    databaseUrl = embedded.url;
    // PGlite is one session behind every connection (see src/server/sql.ts)
    databaseEnv.DATABASE_PREPARED_STATEMENTS = "off";
    log(`Innebygd database kjører (${databaseUrl}), data i ${join(dataDir, "pglite")}`);
  }
  migrate(databaseUrl);
  // The demo patients carry synthetic national ids (month + 80); a real
  // deployment runs `npm run serve` with its own environment instead.
  const env = { ...databaseEnv, DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: "true", ALLOW_SYNTHETIC_IDS: process.env.ALLOW_SYNTHETIC_IDS ?? "1" };
  if (existsSync(join(ROOT, "prisma/seed.ts"))) timed("demodata", () => run("npm", ["run", "--silent", "db:seed"], env));

  if (!dev && buildIsStale()) timed("next build", () => run("npx", ["next", "build"], { ...env, NODE_ENV: "production" }));

  const server = track(
    spawn(dev ? join(ROOT, "node_modules/.bin/next") : process.execPath, dev ? ["dev", "-p", String(port)] : [join(ROOT, "scripts/serve.mjs"), "-p", String(port)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...env, NODE_ENV: dev ? "development" : "production" },
    }),
  );
  server.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (/Ready|started server|Local:/i.test(chunk.toString())) announce();
  });
  server.on("exit", (code) => {
    if (!stopping) {
      log(`Next.js stoppet (kode ${code}).`);
      shutdown(code ?? 1);
    }
  });
} catch (error) {
  console.error(`[forløpsvakt] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}

let announced = false;
function announce() {
  if (announced) return;
  announced = true;
  log(`Klar på http://localhost:${port} etter ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log("Demobrukere (passord demo1234):");
  for (const line of [
    "koordinator@forlopsvakt.test     forløpskoordinator, DPS",
    "behandler@forlopsvakt.test       behandler, DPS",
    "leder@forlopsvakt.test           leder, DPS + BUP + TSB",
    "admin@forlopsvakt.test           administrator",
    "behandler.bup@forlopsvakt.test   behandler, BUP",
  ]) log(`  ${line}`);
  log("Ctrl-C stopper alt.");
}
