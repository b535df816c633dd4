import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

// Two projects: pure unit tests (parallel) and integration tests against a
// real PostgreSQL (files run one after another: they share one database).
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
