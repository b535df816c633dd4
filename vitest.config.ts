import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

// Two projects: pure unit tests (parallel) and integration tests against a
// real PostgreSQL. Each integration file has a database of its own (a copy of
// one migrated template, see tests/support/integration-setup.ts), so two files
// run at once; on the embedded database (one database, shared) one at a time.
const sharedDatabase = process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1";
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/unit/**/*.test.ts"],
          env: { TZ: process.env.TZ ?? "Europe/Oslo" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.integration.test.ts"],
          globalSetup: ["tests/support/integration-setup.ts"],
          fileParallelism: !sharedDatabase,
          maxWorkers: sharedDatabase ? 1 : 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          server: { deps: { inline: ["server-only", "next-auth"] } },
          alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts") },
        },
      },
    ],
  },
});
