import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The coordinator's CSV check, run as a real subprocess.
const run = (...args: string[]) =>
  spawnSync("npx", ["tsx", "src/cli/check.ts", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("npm run check", () => {
  it("prints exactly one JSON object, most urgent pathway first", () => {
    const out = execFileSync("npx", ["tsx", "src/cli/check.ts", "tests/fixtures/cli/extract.csv", "--today", "2026-11-22", "--format", "json"], { encoding: "utf8" });
    const json = JSON.parse(out);
    expect(json.today).toBe("2026-11-22");
    expect(json.pathways.map((p: { pathwayId: string }) => p.pathwayId)).toEqual(["p2", "p1", "p3", "p4"]);
    const p2 = json.pathways[0];
    expect(p2).toMatchObject({ type: "D01", setting: "dogn", phase: "basis_assessment" });
    expect(p2.deadlines[1]).toEqual({ kind: "basis_assessment", from: "2026-10-05", due: "2026-10-12", completedOn: null, met: false, daysLate: 41, cause: "service" });
    const p3 = json.pathways[2];
    expect(p3.notices.map((n: { id: string }) => n.id)).toEqual(["C_WITHOUT_M", "CONCURRENT"]);
  }, 30_000);

  it("prints a readable Norwegian table by default and exits 0 despite notices", () => {
    const result = run("tests/fixtures/cli/extract.csv", "--today", "2026-11-22");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Sjekk av uttrekk per 2026-11-22: 4 forløp");
    expect(result.stdout).toContain("Basisutredning: frist 2026-10-12 – 41 dager over");
  }, 30_000);

  it("reports malformed rows with their line numbers and exits 2", () => {
    const result = run("tests/fixtures/cli/malformed.csv", "--today", "2026-11-22");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Linje 2: ugyldig dato «2026-02-30» (bruk ÅÅÅÅ-MM-DD).");
    expect(result.stderr).toContain("Linje 3: pathway_id er tom.");
    expect(result.stdout).toBe("");
  }, 30_000);

  it("refuses a missing file and a bad --today with exit 2", () => {
    expect(run("finnes-ikke.csv").status).toBe(2);
    expect(run("tests/fixtures/cli/extract.csv", "--today", "2026-13-01").stderr).toContain("Ugyldig --today");
  }, 30_000);
});
