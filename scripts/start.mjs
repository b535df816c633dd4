// `npm start`: everything a newcomer needs, in order. Installs what is missing,
// starts the embedded PostgreSQL unless DATABASE_URL is set, migrates, loads the
// demo data once, builds if the sources changed, and serves the app.
// Ctrl-C stops the app and the embedded database cleanly.
// On PostgreSQL the migrations run as the owner of the tables
// (MIGRATION_DATABASE_URL, else DATABASE_URL) and the app as a role that owns
// nothing (the user of DATABASE_URL when both are set, else forlopsvakt_app,
// created here): see scripts/lib/db-roles.mjs. The embedded database keeps one role.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import {
  ROOT, buildIsStale, ensureDependencies, ensurePrismaClient, log, migrate, run, startEmbeddedDatabase, stopChildren, timed, track,
} from "./lib/common.mjs";
import { DEFAULT_APP_ROLE, ensureAppRole } from "./lib/db-roles.mjs";
import { demoClientToken } from "../src/lib/machine-token.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.FORLOPSVAKT_DATA_DIR ?? join(ROOT, ".data");
const started = Date.now();

/** A random secret kept in the data directory (made on first use). */
function storedSecret(name) {
  const file = join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function authSecret() {
  return process.env.AUTH_SECRET || storedSecret("auth-secret");
}

/** The app's URL: a role without ownership, given access by the owner here. */
async function appDatabaseUrl(databaseUrl, ownerUrl) {
  const separate = Boolean(process.env.MIGRATION_DATABASE_URL);
  const role = separate ? decodeURIComponent(new URL(databaseUrl).username) : (process.env.DATABASE_APP_ROLE ?? DEFAULT_APP_ROLE);
  try {
    const appUrl = await ensureAppRole(ownerUrl, { role, password: separate ? undefined : storedSecret("app-db-password") });
    log(`Appen kobler til databasen som ${role}, som ikke eier tabellene (migreringer kjører som eieren).`);
    return separate ? databaseUrl : appUrl;
  } catch (error) {
    log(`Kunne ikke gi databaserollen ${role} appens tilganger (${error instanceof Error ? error.message : error}).`);
    log("Appen kobler til med DATABASE_URL som den er: kan den rollen fjerne triggere, er revisjonsloggen ikke vernet.");
    return databaseUrl;
  }
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
    migrate(databaseUrl);
  } else {
    const ownerUrl = process.env.MIGRATION_DATABASE_URL || databaseUrl;
    migrate(ownerUrl);
    databaseUrl = await appDatabaseUrl(databaseUrl, ownerUrl);
    // the app's processes (seed, build, server) never see the owner's credentials
    delete process.env.MIGRATION_DATABASE_URL;
  }
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
    "personvern@forlopsvakt.test      personvernansvarlig (revisjon)",
    "koordinator.epj@forlopsvakt.test forløpskoordinator, Sjøvik DPS (koder i EPJ: prøv /import)",
  ]) log(`  ${line}`);
  // the demo machine client's token is derived from the development AUTH_SECRET
  // (src/server/seed/demo-client.ts); never printed in production
  if (process.env.NODE_ENV !== "production") {
    log(`Demo-maskinklient (DPS, events:write + pathways:read), API-nøkkel: ${demoClientToken(authSecret()).token}`);
    log("  (gjelder når demodataene ble lastet med denne AUTH_SECRET)");
  }
  log("Ctrl-C stopper alt.");
}
