// `npm test`: the whole suite, failing fast. Typecheck, unit tests, integration
// tests against PostgreSQL (DATABASE_URL, or an embedded one), then the app is
// migrated, seeded, built and tested end to end in Chromium with Playwright.
// On PostgreSQL, DATABASE_URL is the owner (it migrates and creates the test
// databases) and the app under test connects as a role that owns nothing
// (DATABASE_APP_ROLE, default forlopsvakt_app, created here): see
// scripts/lib/db-roles.mjs. The embedded database keeps one role.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  PRISMA_ENV, ROOT, ensureDependencies, ensurePrismaClient, log, migrate, run, runAsync, runInBackground, startEmbeddedDatabase, stopChildren,
  timed, timedAsync,
} from "./lib/common.mjs";
import { DEFAULT_APP_ROLE, ensureAppRole } from "./lib/db-roles.mjs";

const reports = mkdtempSync(join(tmpdir(), "forlopsvakt-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };

function count(file, kind) {
  if (!existsSync(file)) return;
  const json = JSON.parse(readFileSync(file, "utf8"));
  if (kind === "vitest") {
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  } else {
    totals.passed += json.stats?.expected ?? 0;
    totals.failed += (json.stats?.unexpected ?? 0) + (json.stats?.flaky ?? 0);
    totals.skipped += json.stats?.skipped ?? 0;
  }
}

function summary() {
  console.log(`\nSummary: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

let exitCode = 0;
try {
  ensureDependencies();
  ensurePrismaClient();
  // typecheck and lint are one process each: side by side on two cores (~20 + 14 s one after the other)
  const typecheck = runInBackground("typecheck", "npx", ["tsc", "--noEmit"], {}, "lint");
  typecheck.catch(() => undefined);
  // the layer rules and Next's rules (eslint.config.mjs); the cache skips unchanged files on a second run
  timed("lint", () => run("npm", ["run", "--silent", "lint"]));
  await typecheck;

  const unitReport = join(reports, "unit.json");
  try {
    timed("unit tests", () => run("npx", ["vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`]));
  } finally {
    count(unitReport, "vitest");
  }

  let databaseUrl = process.env.DATABASE_URL;
  const integrationEnv = {};
  if (!databaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), "forlopsvakt-db-"));
    const embedded = await startEmbeddedDatabase({ dataDir: dir, port: Number(process.env.EMBEDDED_DB_PORT ?? 54339) });
    databaseUrl = embedded.url;
    integrationEnv.FORLOPSVAKT_TEST_SINGLE_DB = "1";
    // PGlite is one session behind every connection (see src/server/sql.ts)
    integrationEnv.DATABASE_PREPARED_STATEMENTS = "off";
    log(`Ingen DATABASE_URL: bruker innebygd database ${databaseUrl}`);
  }

  // The production build needs no database: it runs beside the integration
  // tests, which spend much of their time waiting (time limits, stalls, locks).
  const buildEnv = {
    DATABASE_URL: databaseUrl, AUTH_SECRET: "test-secret-not-for-production-0123456789", AUTH_TRUST_HOST: "true", ...integrationEnv, NODE_ENV: "production",
  };
  const build = runInBackground("next build", "npx", ["next", "build"], buildEnv);
  // a failure is reported when awaited below, not as an unhandled rejection meanwhile
  build.catch(() => undefined);

  // End to end: a migrated, seeded database and the production build, the
  // app connected as its own role (the owner only migrates). On PostgreSQL the
  // integration tests never touch DATABASE_URL's own database (each file gets
  // a copy of a template), so it is migrated and seeded beside them, after the
  // build: one job at a time beside them, as before. The embedded database is
  // the one the integration tests use: reset, migrated and seeded after them.
  // One "today" for the seed and the whole e2e run, fixed before the seed: a
  // run across midnight in Oslo would otherwise seed, serve and expect dates
  // of different days (playwright.config.ts hands it to the servers).
  const appEnv = {
    AUTH_SECRET: "test-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    ...integrationEnv,
    FORLOPSVAKT_TODAY: process.env.FORLOPSVAKT_TODAY || new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date()),
  };
  async function prepareE2eDatabase(background) {
    if (background) {
      await runInBackground("prisma migrate deploy", "npx", ["prisma", "migrate", "deploy"], { ...PRISMA_ENV, DATABASE_URL: databaseUrl, MIGRATION_DATABASE_URL: databaseUrl });
    } else {
      if (integrationEnv.FORLOPSVAKT_TEST_SINGLE_DB) run("npx", ["tsx", "scripts/reset-db.ts"], { ...integrationEnv, DATABASE_URL: databaseUrl });
      migrate(databaseUrl);
    }
    appEnv.DATABASE_URL = integrationEnv.FORLOPSVAKT_TEST_SINGLE_DB
      ? databaseUrl
      : await ensureAppRole(databaseUrl, { role: process.env.DATABASE_APP_ROLE ?? DEFAULT_APP_ROLE, password: process.env.DATABASE_APP_PASSWORD });
    if (!existsSync(join(ROOT, "prisma/seed.ts"))) return;
    if (background) await runInBackground("demodata", "npm", ["run", "--silent", "db:seed"], appEnv);
    else timed("demodata", () => run("npm", ["run", "--silent", "db:seed"], appEnv));
  }
  const prepared = !integrationEnv.FORLOPSVAKT_TEST_SINGLE_DB ? build.then(() => prepareE2eDatabase(true)) : undefined;
  prepared?.catch(() => undefined);

  const integrationReport = join(reports, "integration.json");
  try {
    await timedAsync("integration tests", () =>
      runAsync("npx", ["vitest", "run", "--project", "integration*", "--reporter=default", "--reporter=json", `--outputFile.json=${integrationReport}`], {
        ...integrationEnv,
        DATABASE_URL: databaseUrl,
      }),
    );
  } finally {
    count(integrationReport, "vitest");
  }

  if (prepared) await prepared;
  else await prepareE2eDatabase(false);
  await build;
  const e2eReport = join(reports, "e2e.json");
  try {
    timed("e2e tests", () => run("npx", ["playwright", "test"], { ...appEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport }));
  } finally {
    count(e2eReport, "playwright");
  }
} catch (error) {
  console.error(`[forløpsvakt] ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  summary();
  await stopChildren();
  rmSync(reports, { recursive: true, force: true });
  process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
}
