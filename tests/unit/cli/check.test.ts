import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkExtract, readExtract } from "@/cli/extract";
import { runCheck } from "./run-check";

// The coordinator's CSV check, run as a real subprocess (bundled once, see run-check.ts).
const run = runCheck;

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

  it("an unknown letter or outcome after a known prefix is INVALID_CODE on that row, not a refused file", () => {
    const dir = mkdtempSync(join(tmpdir(), "fv-check-"));
    const file = join(dir, "miscoded.csv");
    writeFileSync(file, [
      "pathway_id,type,date,code,outcome",
      "p1,,2026-09-03,D11A,",
      "p1,,2026-09-10,D11MU,",
      "p1,,2026-10-01,D11CZ,",
      "p2,,2026-09-03,D11A,",
      "p2,,2026-09-04,D11Q,",
      "p3,,2026-09-03,D11A,",
      "p3,,2026-09-05,D11X,1",
    ].join("\n"));
    const result = run(file, "--today", "2026-11-22", "--format", "json");
    expect(result.status).toBe(0);
    const byId = Object.fromEntries(JSON.parse(result.stdout).pathways.map((p: { pathwayId: string }) => [p.pathwayId, p]));
    expect(byId.p1.type).toBe("D11");
    expect(byId.p1.notices.map((n: { id: string }) => n.id)).toEqual(["INVALID_CODE", "INVALID_CODE"]);
    expect(byId.p2.notices.map((n: { id: string }) => n.id)).toEqual(["INVALID_CODE"]);
    expect(byId.p3).toMatchObject({ phase: "closed", notices: [] });
  }, 30_000);

  it("still refuses a code whose prefix is no known type when the type column is empty too", () => {
    const dir = mkdtempSync(join(tmpdir(), "fv-check-"));
    const file = join(dir, "unknown-type.csv");
    writeFileSync(file, ["pathway_id,type,date,code,outcome", "p1,,2026-09-03,D99A,", "p2,,2026-09-03,A,"].join("\n"));
    const result = run(file, "--today", "2026-11-22");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Linje 2: ukjent type «D99».");
    expect(result.stderr).toContain("Linje 3: type mangler (verken i type-kolonnen eller i koden).");
  }, 30_000);
});

describe("reading an extract", () => {
  const rows = [
    "pathway_id,type,date,code,outcome,referral_received",
    "p1,D11,2026-09-03,A,,2026-09-01",
    "p1,D11,2026-09-10,M,,2026-08-20",
    "p1,D11,2026-10-01,C,P,",
  ];

  it("takes the earliest referral date when rows disagree, whatever their order", () => {
    for (const order of [rows, [rows[0], ...rows.slice(1).reverse()]]) {
      const { pathways, errors } = readExtract(order.join("\n"));
      expect(errors).toEqual([]);
      expect(pathways.get("p1")?.referralReceived).toBe("2026-08-20");
    }
  });

  it("gives the same verdict for the rows in any order", () => {
    const forward = checkExtract(readExtract(rows.join("\n")).pathways, "2026-11-22")[0].evaluation;
    const backward = checkExtract(readExtract([rows[0], ...rows.slice(1).reverse()].join("\n")).pathways, "2026-11-22")[0].evaluation;
    expect({ ...backward, notices: backward.notices.map((n) => n.id) }).toMatchObject({ ...forward, notices: forward.notices.map((n) => n.id) });
    expect(backward.deadlines).toEqual(forward.deadlines);
  });

  it("orders two decisions of one day by their content, not by their line", () => {
    const header = "pathway_id,type,date,code,outcome";
    const base = ["p2,D11,2026-01-02,A,", "p2,D11,2026-01-03,M,"];
    const phases = [["p2,D11,2026-01-05,C,P", "p2,D11,2026-01-05,C,K"], ["p2,D11,2026-01-05,C,K", "p2,D11,2026-01-05,C,P"]].map(
      (decisions) => checkExtract(readExtract([header, ...base, ...decisions].join("\n")).pathways, "2026-11-22")[0].evaluation.phase,
    );
    expect(phases[0]).toBe(phases[1]);
  });

  it("orders two decisions of one day by letter and outcome whichever form the code takes (D11CK and C + K alike), as the import does", () => {
    const header = "pathway_id,type,date,code,outcome";
    const base = ["p2,D11,2026-01-02,A,", "p2,D11,2026-01-03,M,"];
    const phase = (decisions: string[]) => checkExtract(readExtract([header, ...base, ...decisions].join("\n")).pathways, "2026-11-22")[0].evaluation.phase;
    // K before P: the last decision is P
    expect(phase(["p2,D11,2026-01-05,C,P", "p2,D11,2026-01-05,C,K"])).toBe("treatment");
    expect(phase(["p2,D11,2026-01-05,C,P", "p2,D11,2026-01-05,D11CK,"])).toBe("treatment");
    expect(phase(["p2,D11,2026-01-05,D11CP,", "p2,D11,2026-01-05,C,K"])).toBe("treatment");
  });

  it("refuses rows of one pathway that disagree on setting, type or patient, whichever comes first", () => {
    for (const order of [["p1,pat,D11,poliklinikk,2026-01-05,A", "p1,pat,D11,dogn,2026-01-06,M"], ["p1,pat,D11,dogn,2026-01-05,A", "p1,pat,D11,poliklinikk,2026-01-06,M"]]) {
      const { errors } = readExtract(["pathway_id,patient_id,type,setting,date,code", ...order].join("\n"));
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(/^setting «\w+» avviker fra forløpets andre rader/);
    }
    const { errors } = readExtract(["pathway_id,patient_id,type,date,code", "p1,a,D11,2026-01-05,A", "p1,b,D11,2026-01-06,M"].join("\n"));
    expect(errors[0].message).toMatch(/^patient_id «b» avviker/);
  });
});

describe("concatenated codes of the five events that carry an outcome (issue 14)", () => {
  const header = "pathway_id,type,date,code,outcome";
  const base = ["p1,,2026-09-03,D11A,", "p1,,2026-09-10,D11M,", "p1,,2026-10-01,D11CU,", "p1,,2026-10-02,D11UBP,", "p1,,2026-10-03,D11S2,", "p1,,2026-10-04,D11H1,"];
  const check = (rows: string[]) => {
    const { pathways, errors } = readExtract([header, ...rows].join("\n"));
    expect(errors).toEqual([]);
    return checkExtract(pathways, "2026-11-22")[0].evaluation;
  };

  it("D11CU, D11UBP, D11S2, D11H1 and D11X1 with an empty type column: the type from the prefix, each outcome read, X1 closes", () => {
    const e = check([...base, "p1,,2026-10-05,D11X1,"]);
    expect(e).toMatchObject({ type: "D11", phase: "closed", closedOn: "2026-10-05", notices: [] });
    expect(e.activities).toEqual([{ date: "2026-10-02", code: "BP" }]);
  });

  it("D11X with its outcome in the outcome column closes the same way", () => {
    expect(check([...base, "p1,,2026-10-05,D11X,1"])).toMatchObject({ phase: "closed", closedOn: "2026-10-05", notices: [] });
  });

  it("D11X without an outcome is MISSING_OUTCOME on its row and the pathway stays open", () => {
    const e = check([...base, "p1,,2026-10-05,D11X,", "p1,,2026-10-20,D11E,"]);
    expect(e.notices.map((n) => `${n.id} ${n.date}`)).toEqual(["MISSING_OUTCOME 2026-10-05"]);
    expect(e).toMatchObject({ phase: "extended_assessment", closedOn: null });
  });

  it("an X outcome longer than three characters is INVALID_CODE on its row, not a refused file", () => {
    const e = check([...base, "p1,,2026-10-05,D11X1234,"]);
    expect(e.notices.map((n) => `${n.id} ${n.date}`)).toEqual(["INVALID_CODE 2026-10-05"]);
    expect(e.closedOn).toBeNull();
  });
});

describe("property: the rows of an extract in any order give the same verdict (issue 14)", () => {
  // Several pathways, rows with repeated days and letters (same-day events of
  // one letter included), disagreeing referral dates and disagreeing care
  // deadlines (some before, some after the pathway's M): the earliest of each counts.
  const letters = ["A", "M", "C", "E", "F", "L", "X", "H", "S", "U", "Q"];
  const outcomes: Record<string, string[]> = { C: ["P", "K", "U", ""], X: ["1", ""], H: ["1", "AB"], S: ["2"], U: ["BP", "IB", ""], A: [""], M: ["", "U"] };
  const row = fc.record({
    pathway: fc.constantFrom("p1", "p2", "p3"),
    day: fc.integer({ min: 1, max: 9 }),
    letter: fc.constantFrom(...letters),
    pick: fc.nat(),
    concatenated: fc.boolean(),
    received: fc.constantFrom("", "2026-08-20", "2026-08-25", "2026-09-01"),
    careDeadline: fc.constantFrom("", "", "2026-09-04", "2026-09-07", "2026-12-01"),
  });
  const line = (r: { pathway: string; day: number; letter: string; pick: number; concatenated: boolean; received: string; careDeadline: string }) => {
    const choices = outcomes[r.letter] ?? [""];
    const outcome = choices[r.pick % choices.length];
    const code = r.concatenated ? `D11${r.letter}${outcome}` : r.letter;
    return `${r.pathway},pat-${r.pathway},${r.concatenated ? "" : "D11"},poliklinikk,2026-09-0${r.day},${code},${r.concatenated ? "" : outcome},${r.received},${r.careDeadline}`;
  };
  const verdicts = (lines: string[]) => {
    const { pathways, errors } = readExtract(["pathway_id,patient_id,type,setting,date,code,outcome,referral_received,care_deadline", ...lines].join("\n"));
    expect(errors).toEqual([]);
    // the CLI prints no event ids: compare what it prints
    return checkExtract(pathways, "2026-11-22")
      .map(({ patientId, evaluation: e }) => ({ patientId, ...e, notices: e.notices.map(({ id, date, message }) => ({ id, date, message })), nextDeadline: e.nextDeadline }))
      .sort((a, b) => (a.pathwayId < b.pathwayId ? -1 : 1));
  };

  it("shuffled rows give identical output", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.infiniteStream(fc.nat()), (rows, randoms) => {
        const lines = rows.map(line);
        const shuffled = lines.map((l) => ({ l, key: randoms.next().value })).sort((a, b) => a.key - b.key).map((x) => x.l);
        expect(verdicts(shuffled)).toEqual(verdicts(lines));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe("the README's example (section 'Checking an extract (CLI)')", () => {
  it("prints what the README shows for its CSV with X, S and U outcomes", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Checking an extract (CLI)"), readme.indexOf("## Upgrading"));
    const csv = /```csv\n([\s\S]*?)```/.exec(section)![1];
    const shown = /```\n(Sjekk[\s\S]*?)```/.exec(section)![1];
    expect(csv).toMatch(/,X,P,/);
    expect(csv).toMatch(/,S,1,/);
    expect(csv).toMatch(/,U,BP,/);
    const file = join(mkdtempSync(join(tmpdir(), "fv-check-")), "readme.csv");
    writeFileSync(file, csv);
    const result = run(file, "--today", "2026-11-22");
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd()).toBe(shown.trimEnd());
  }, 30_000);
});
