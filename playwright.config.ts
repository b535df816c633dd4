import { defineConfig } from "@playwright/test";

// Debian's Chromium (never `npx playwright install`: no network to fetch browsers).
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
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
