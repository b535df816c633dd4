import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// `npm run check` runs the CLI as a compiled bundle (scripts/check.mjs, for
// speed on a national extract): it prints byte for byte what the CLI prints
// through tsx, and exits as it does.
const run = (...args: string[]) => spawnSync(process.execPath, ["scripts/check.mjs", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("npm run check, compiled", () => {
  it("prints the expected JSON and table, and exits 2 with the line of a malformed row", () => {
    const json = run("tests/fixtures/cli/extract.csv", "--today", "2026-11-22", "--format", "json");
    expect(json.status).toBe(0);
    expect(json.stdout).toBe(readFileSync("tests/fixtures/cli/extract.expected.json", "utf8"));
    const table = run("tests/fixtures/cli/extract.csv", "--today", "2026-11-22");
    expect(table.stdout).toBe(readFileSync("tests/fixtures/cli/extract.expected.txt", "utf8"));
    const bad = run("tests/fixtures/cli/malformed.csv", "--today", "2026-11-22");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^Linje \d+: /);
  }, 60_000);

  it("prints for the sample extract in docs/ byte for byte what it printed before the report was written as bytes", () => {
    const json = run("docs/epj-uttrekk-eksempel.csv", "--today", "2026-11-22", "--format", "json");
    expect(json.stdout).toBe(readFileSync("tests/fixtures/cli/epj-uttrekk-eksempel.expected.json", "utf8"));
    const table = run("docs/epj-uttrekk-eksempel.csv", "--today", "2026-11-22");
    expect(table.stdout).toBe(readFileSync("tests/fixtures/cli/epj-uttrekk-eksempel.expected.txt", "utf8"));
  }, 60_000);
});
