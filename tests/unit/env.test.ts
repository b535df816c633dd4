import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkEnv, env, EnvError, SETTINGS } from "@/server/env";

// Every setting is read and checked in src/server/env.ts: a bad value stops the
// server at start with an error naming the variable, and the README's table
// documents exactly the settings there are.

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("a bad setting", () => {
  it("is refused with an error naming the variable and what it must be", () => {
    expect(() => checkEnv({ AUTH_IDLE_TIMEOUT_MINUTES: "tretti" })).toThrow(EnvError);
    expect(() => checkEnv({ AUTH_IDLE_TIMEOUT_MINUTES: "tretti" })).toThrow(
      /AUTH_IDLE_TIMEOUT_MINUTES må være et tall \(minutter\) .*\(nå «tretti»\)/,
    );
    expect(() => env("DATABASE_POOL_SIZE", { DATABASE_POOL_SIZE: "2.5" })).toThrow(/DATABASE_POOL_SIZE må være et heltall/);
    // the nightly recompute's two pages in flight and a request: 1 would starve the job for good
    expect(() => env("DATABASE_POOL_SIZE", { DATABASE_POOL_SIZE: "1" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => env("FORLOPSVAKT_NIGHTLY", { FORLOPSVAKT_NIGHTLY: "av" })).toThrow(/FORLOPSVAKT_NIGHTLY må være on eller off/);
    expect(() => env("FORLOPSVAKT_TODAY", { FORLOPSVAKT_TODAY: "2026-02-30" })).toThrow(/FORLOPSVAKT_TODAY må være en dato/);
    expect(() => env("TRUST_PROXY_HOPS", { TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
  });

  it("names every bad one at once, and never repeats a value that may hold a password", () => {
    const error = (() => {
      try {
        checkEnv({ DATABASE_URL: "mysql://app:hemmelig@db/forlopsvakt", PORT: "70000", WEB_CONCURRENCY: "0" });
      } catch (e) {
        return e as EnvError;
      }
    })();
    expect(error?.problems.map((p) => p.name)).toEqual(["DATABASE_URL", "PORT", "WEB_CONCURRENCY"]);
    expect(error?.message).toMatch(/^Ugyldige innstillinger i miljøet \(environment\): DATABASE_URL må være en PostgreSQL-adresse/);
    expect(error?.message).not.toContain("hemmelig");
  });
});

describe("a setting left out", () => {
  it("takes its documented default", () => {
    const none = {};
    expect(env("DATABASE_POOL_SIZE", none)).toBe(10);
    expect(env("DATABASE_STATEMENT_TIMEOUT_MS", none)).toBe(10_000);
    expect(env("AUTH_IDLE_TIMEOUT_MINUTES", none)).toBe(30);
    expect(env("TRUST_PROXY_HOPS", none)).toBe(0);
    expect(env("FORLOPSVAKT_NIGHTLY", none)).toBe(true);
    expect(env("DATABASE_PREPARED_STATEMENTS", { DATABASE_PREPARED_STATEMENTS: "off" })).toBe(false);
    expect(env("ALLOW_SYNTHETIC_IDS", none)).toBe(false);
    expect(env("AUTH_SECRET", { AUTH_SECRET: "  " })).toBeUndefined();
    expect(() => checkEnv({})).not.toThrow();
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sourceFiles(file);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [file] : [];
  });
}

describe("the app reads its settings only through env.ts", () => {
  it("no other file under src/ or app/ (or proxy.ts, instrumentation.ts) reads process.env, but for Next's NODE_ENV and NEXT_RUNTIME", () => {
    const files = [...sourceFiles(path.join(ROOT, "src")), ...sourceFiles(path.join(ROOT, "app")), path.join(ROOT, "proxy.ts"), path.join(ROOT, "instrumentation.ts")];
    const reads = files
      .filter((file) => file !== path.join(ROOT, "src/server/env.ts"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => [...line.matchAll(/process\.env\b(\.\w+)?/g)].map((m) => ({ at: `${path.relative(ROOT, file)}:${i + 1}`, read: m[0] }))),
      )
      .filter(({ read }) => read !== "process.env.NODE_ENV" && read !== "process.env.NEXT_RUNTIME");
    expect(reads).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });

  it("the README's settings table lists exactly the settings of env.ts", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("Settings (environment)");
    expect(start).toBeGreaterThan(0);
    const lines = readme.slice(start).split("\n");
    const header = lines.findIndex((line) => line.startsWith("| variable"));
    const end = lines.findIndex((line, i) => i > header && !line.startsWith("|"));
    const rows = lines.slice(header + 2, end);
    const documented = rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect([...documented].sort()).toEqual(Object.keys(SETTINGS).sort());
  });
});
