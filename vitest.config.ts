import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

// Pure unit tests (parallel) and integration tests against a real
// PostgreSQL, each file in a database of its own (a copy of one migrated
// template, see tests/support/integration-setup.ts). Integration files run
// two at a time ("integration"), then those that race requests against pool,
// lock, retry or statement time limits (5 s to get a connection, 10 attempts
// of a registration) one at a time after them ("integration-alone"): with a
// second file beside them on two loaded cores three of them failed once.
// `--project "integration*"` runs both.
const ALONE = [
  "audit-review", "db-timeouts", "login", "nightly", "notifications", "referral-started", "register-event-round-trips", "register-event",
  "responsible-and-bulk", "worklist-count-plans", "worklist-counts",
].map((name) => `tests/integration/${name}.integration.test.ts`);

const integration = {
  environment: "node" as const,
  globalSetup: ["tests/support/integration-setup.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  server: { deps: { inline: ["server-only", "next-auth"] } },
  alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts") },
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          sequence: { groupOrder: 0 },
          // worker threads, not a process per file: 56 files in 39 s instead of 50 s on the 2-core VM;
          // and the files of a thread share its modules (62 files in 30 s instead of 42 s): a file that
          // changes process.env or the clock puts it back when done
          pool: "threads",
          isolate: false,
          include: ["tests/unit/**/*.test.ts"],
          env: { TZ: process.env.TZ ?? "Europe/Oslo" },
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          exclude: ALONE,
          // the embedded database is one database for every file (tests/support/db.ts): one at a time there
          maxWorkers: process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1" ? 1 : 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: { ...integration, name: "integration-alone", include: ALONE, fileParallelism: false, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
