import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

// Two projects: pure unit tests (parallel) and integration tests against a
// real PostgreSQL, each file in a database of its own (a copy of one migrated
// template, see tests/support/integration-setup.ts). The files still run one
// at a time: several race 50 requests against pool, lock and retry limits
// (5 s to get a connection, 10 attempts of a registration), and with a second
// file beside them on two loaded cores three of them failed once.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
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
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.integration.test.ts"],
          globalSetup: ["tests/support/integration-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          server: { deps: { inline: ["server-only", "next-auth"] } },
          alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts") },
        },
      },
    ],
  },
});
