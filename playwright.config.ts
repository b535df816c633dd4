import { defineConfig } from "@playwright/test";

// Debian's Chromium (never `npx playwright install`: no network to fetch browsers).
const port = Number(process.env.E2E_PORT ?? 3100);
const OWN_SERVER = ["**/embedded-start.spec.ts", "**/serve-restarts.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two workers, one per project: the specs that run a server of their own
  // (npm start on the embedded database, the crash-looping worker) spend most
  // of their time waiting for it, and touch neither the suite's server nor its
  // database, so they run beside the rest. Everything else stays one at a time
  // (shared database state, "nothing changed" snapshots, the login limits).
  workers: 2,
  projects: [
    { name: "app", testIgnore: OWN_SERVER, workers: 1 },
    { name: "own-server", testMatch: OWN_SERVER, workers: 1 },
  ],
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
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
    },
  },
});
