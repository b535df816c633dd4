import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkExtract, readExtract } from "@/cli/extract";
import { runCheck } from "./run-check";

// The optional care_deadline column (juridisk frist) of `npm run check`.
const run = runCheck;

describe("npm run check without care_deadline", () => {
  // The expected files are the output of the check before the column existed (commit 822f4fc).
  it("prints byte for byte what it printed before, as JSON and as a table", () => {
    const json = run("tests/fixtures/cli/extract.csv", "--today", "2026-11-22", "--format", "json");
    expect(json.status).toBe(0);
    expect(json.stdout).toBe(readFileSync("tests/fixtures/cli/extract.expected.json", "utf8"));
    const table = run("tests/fixtures/cli/extract.csv", "--today", "2026-11-22");
    expect(table.stdout).toBe(readFileSync("tests/fixtures/cli/extract.expected.txt", "utf8"));
  }, 60_000);
});

describe("npm run check with care_deadline", () => {
  it("adds a care_start deadline from the pathway's start date, judged by the first M", () => {
    const result = run("tests/fixtures/cli/care-deadline.csv", "--today", "2026-11-22", "--format", "json");
    expect(result.status).toBe(0);
    const byId = Object.fromEntries(JSON.parse(result.stdout).pathways.map((p: { pathwayId: string }) => [p.pathwayId, p]));
    const careStart = (id: string) => byId[id].deadlines.find((d: { kind: string }) => d.kind === "care_start");
    // the earliest value counts (2026-10-15, not the other row's 2026-12-31): M a day late
    expect(careStart("p1")).toEqual({ kind: "care_start", from: "2026-09-03", due: "2026-10-15", completedOn: "2026-10-16", met: false, daysLate: 1, cause: "service" });
    // the value may stand on any row; the L between start and M makes the breach the patient's
    expect(careStart("p2")).toEqual({ kind: "care_start", from: "2026-09-10", due: "2026-10-12", completedOn: "2026-10-20", met: false, daysLate: 8, cause: "patient" });
    expect(careStart("p3")).toEqual({ kind: "care_start", from: "2026-10-01", due: "2026-11-30", completedOn: null, met: null, daysLate: 0, cause: null });
    expect(careStart("p4")).toBeUndefined();
  }, 30_000);

  it("names a fristbrudd in the table", () => {
    const result = run("tests/fixtures/cli/care-deadline.csv", "--today", "2026-11-22");
    expect(result.stdout).toContain("Juridisk frist: frist 2026-10-15, fullført 2026-10-16 – 1 dager over – fristbrudd");
    expect(result.stdout).toContain("Juridisk frist: frist 2026-10-12, fullført 2026-10-20 – 8 dager over (pasientutsatt) – fristbrudd");
    expect(result.stdout).toContain("Juridisk frist: frist 2026-11-30 – åpen");
  }, 30_000);

  it("refuses an invalid date with its line number in Norwegian and exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "fv-check-"));
    const file = join(dir, "bad-deadline.csv");
    writeFileSync(file, ["pathway_id,type,date,code,care_deadline", "p1,D11,2026-09-03,A,2026-10-15", "p1,D11,2026-09-10,M,15.10.2026", "p2,D11,2026-09-03,A,2026-02-29"].join("\n"));
    const result = run(file, "--today", "2026-11-22");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Linje 3: ugyldig care_deadline «15.10.2026» (juridisk frist, bruk ÅÅÅÅ-MM-DD).");
    expect(result.stderr).toContain("Linje 4: ugyldig care_deadline «2026-02-29» (juridisk frist, bruk ÅÅÅÅ-MM-DD).");
  }, 30_000);
});

describe("reading care_deadline", () => {
  const check = (rows: string[]) => {
    const { pathways, errors } = readExtract(rows.join("\n"));
    expect(errors).toEqual([]);
    return checkExtract(pathways, "2026-11-22")[0].evaluation.deadlines.find((d) => d.kind === "care_start");
  };

  it("takes the earliest value of the pathway's rows, whatever their order", () => {
    const header = "pathway_id,type,date,code,care_deadline";
    expect(check([header, "p1,D11,2026-10-01,M,", "p1,D11,2026-09-03,A,2026-12-01", "p1,D11,2026-09-04,E,2026-09-30"])?.due).toBe("2026-09-30");
  });

  it("two rows with different care_deadlines give one verdict in either order: the earlier is the legal deadline", () => {
    const header = "pathway_id,type,date,code,care_deadline";
    const rows = ["p1,D11,2026-09-03,A,2026-10-15", "p1,D11,2026-10-16,M,2026-10-31"];
    const breach = { kind: "care_start", from: "2026-09-03", due: "2026-10-15", completedOn: "2026-10-16", met: false, daysLate: 1, cause: "service" };
    expect(check([header, ...rows])).toMatchObject(breach);
    expect(check([header, ...[...rows].reverse()])).toMatchObject(breach);
  });

  it("an empty column on every row gives no care_start deadline", () => {
    expect(check(["pathway_id,type,date,code,care_deadline", "p1,D11,2026-09-03,A,", "p1,D11,2026-09-10,M,"])).toBeUndefined();
  });
});
