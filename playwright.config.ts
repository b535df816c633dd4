import { defineConfig } from "@playwright/test";
import { osloDateOf } from "./src/lib/dates";

// Debian's Chromium (never `npx playwright install`: no network to fetch browsers).
const port = Number(process.env.E2E_PORT ?? 3100);

// Specs that may run two at a time, beside each other: each reads nothing
// another of them writes, and what they write (login and ACCESS_DENIED audit
// rows, users of their own, events on one pathway through faults.spec.ts's
// own server, the logout of a session of their own) no other of them counts;
// several wait on servers of their own. The rest run after them, one at a time, in "exclusive": they
// compare whole tables (db-snapshot.ts), read the newest audit row or the
// audit counts of a demo user, the leader's figures or the worklist's order,
// fill the login limit of this address, revoke a demo user's sessions or add
// rule table versions.
const BESIDE = [
  "access-matrix", "action-matrix", "bad-input", "db-role", "embedded-start", "faults", "headers", "login", "oidc", "oidc-helseid",
  "robustness-urls", "security", "serve-restarts", "session",
];

// One "today" for the whole run, fixed when it starts (or by the caller, as
// scripts/test.mjs does for the seed too): a run across midnight in Oslo would
// otherwise see the seed, the servers and the specs on different dates. Set in
// process.env, so the workers and the servers the specs start inherit it; the
// production build honours it only with FORLOPSVAKT_ALLOW_PINNED_TODAY.
const today = (process.env.FORLOPSVAKT_TODAY ||= osloDateOf(new Date()));
process.env.FORLOPSVAKT_ALLOW_PINNED_TODAY = "1";

// Playwright runs a dependency in full whatever the command line picks: a run
// of named specs (`npx playwright test tests/e2e/x.spec.ts`) skips that wait,
// and runs them with one worker as before.
const namedSpecs = process.argv.some((arg) => /\.spec(\.ts)?(:\d+)*$/.test(arg));

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // two at a time in "beside", then one at a time in "exclusive" (below)
  workers: namedSpecs ? 1 : 2,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // a trace of every test costs ~10 % of the run's CPU (CI is CPU-bound on two
    // cores): off unless asked for (E2E_TRACE=on keeps those of failed tests)
    trace: process.env.E2E_TRACE === "on" ? "retain-on-failure" : "off",
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "beside", testMatch: BESIDE.map((spec) => `${spec}.spec.ts`), workers: 2 },
    { name: "exclusive", testIgnore: BESIDE.map((spec) => `${spec}.spec.ts`), dependencies: namedSpecs ? [] : ["beside"], workers: 1 },
  ],
  webServer: {
    command: `node scripts/serve.mjs -p ${port}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-not-for-production-0123456789",
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      // the demo patients carry synthetic ids (month + 80)
      ALLOW_SYNTHETIC_IDS: "1",
      // two processes whatever the machine (session.spec.ts: a logout holds in every process)
      WEB_CONCURRENCY: "2",
      FORLOPSVAKT_TODAY: today,
      FORLOPSVAKT_ALLOW_PINNED_TODAY: "1",
    },
  },
});
