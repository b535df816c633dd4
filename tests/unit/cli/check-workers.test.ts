import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ByteReport } from "@/cli/byte-report";
import { workerOf } from "@/cli/check-workers";
import { writeSyntheticExtract } from "../../../scripts/lib/epj-extract";
import { runCheck } from "./run-check";

// The check CLI in worker threads (issue 19: a national extract on two cores)
// prints byte for byte what it prints in one thread, and fails as it fails:
// each thread holds a share of the pathways (by pathway_id), the main thread
// joins the row errors, the concurrency check and the sorted parts.
const dir = mkdtempSync(join(tmpdir(), "fv-check-workers-"));
const inThreads = (workers: number, ...args: string[]) => runCheck(...args, "--threads", String(workers));

function sameInAnyThreads(...args: string[]) {
  const one = inThreads(1, ...args);
  for (const workers of [2, 3]) {
    const r = inThreads(workers, ...args);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, `${workers} tråder`).toEqual({ status: one.status, stdout: one.stdout, stderr: one.stderr });
  }
  return one;
}

describe("check CLI in worker threads", () => {
  it("refuses a --threads that is not 1 to 8, with exit 2 and nothing on stdout", () => {
    for (const bad of ["0", "9", "x", "1.5"]) {
      const r = runCheck("docs/epj-uttrekk-eksempel.csv", "--threads", bad);
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 2, stdout: "", stderr: `Ugyldig --threads «${bad}» (et heltall fra 1 til 8).\n` });
    }
  });

  it("puts every pathway id in one share, the same one each time", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `EPJ-${i}`);
    const shares = ids.map((id) => workerOf(id, 2));
    expect(ids.map((id) => workerOf(id, 2))).toEqual(shares);
    // both shares get about half
    expect(shares.filter((s) => s === 0).length).toBeGreaterThan(400);
    expect(shares.filter((s) => s === 0).length).toBeLessThan(600);
    expect(ids.every((id) => workerOf(id, 3) < 3)).toBe(true);
  });

  it("joins reports handed over by threads, their parts numbered one after the other", () => {
    const reports = ["ab", "cde"].map((texts) => {
      const r = new ByteReport();
      for (const t of texts) {
        r.ascii(t);
        r.endPart();
      }
      return r.handOver().parts;
    });
    const { report, offsets } = ByteReport.joined(reports);
    expect(offsets).toEqual([0, 2]);
    const out: Buffer[] = [];
    void report.writeOut([4, 0, 2, 1, 3], "[", ",", "]", (b) => void out.push(Buffer.from(b)));
    expect(Buffer.concat(out).toString()).toBe("[e,a,c,b,d]");
  });

  it("prints the synthetic extract, the docs sample and the fixtures as one thread does, in both formats", async () => {
    const file = join(dir, "syntetisk.csv");
    await writeSyntheticExtract(file, 1500, "2026-11-22");
    for (const f of [file, "docs/epj-uttrekk-eksempel.csv", "tests/fixtures/cli/extract.csv"]) {
      expect(sameInAnyThreads(f, "--today", "2026-11-22", "--format", "json").status).toBe(0);
      sameInAnyThreads(f, "--today", "2026-11-22");
    }
  }, 120_000);

  it("gives a patient's overlapping pathways their concurrency notices whichever threads hold them", () => {
    const lines = ["pathway_id,patient_id,type,setting,referral_received,date,code,outcome"];
    for (let patient = 0; patient < 6; patient++) {
      for (let p = 0; p < 5; p++) {
        const day = String(1 + p * 3 + patient).padStart(2, "0");
        lines.push(`F${patient}-${p},P${patient},D11,poliklinikk,2026-03-${day},2026-03-${day},D11A,`);
        if (p % 2) lines.push(`F${patient}-${p},P${patient},D11,poliklinikk,2026-03-${day},2026-04-${day},D11X,`);
      }
    }
    const file = join(dir, "samtidige.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const shares = new Set(Array.from({ length: 5 }, (_, p) => workerOf(`F0-${p}`, 2)));
    expect(shares.size).toBe(2);
    const r = sameInAnyThreads(file, "--today", "2026-11-22", "--format", "json");
    expect(r.stdout).toContain("CONCURRENT");
  }, 60_000);

  it("refuses bad rows, rows that disagree, rows of another width and bad files with the same lines and messages", () => {
    const lines = ["pathway_id,patient_id,type,setting,date,code,outcome"];
    for (let i = 0; i < 40; i++) {
      lines.push(`F${i},P${i},D11,poliklinikk,2026-02-01,A,`);
      if (i % 5 === 0) lines.push(`F${i},P${i},D11,poliklinikk,2026-02-30,A,`);
      if (i % 7 === 0) lines.push(`F${i},Q${i},D11,poliklinikk,2026-02-02,B,`);
      if (i % 9 === 0) lines.push(`F${i},P${i},D11`);
      if (i % 11 === 0) lines.push(`F${i},P${i},D11,poliklinikk,2026-02-03,${"A".repeat(600)},`);
    }
    const bad = join(dir, "feil.csv");
    writeFileSync(bad, `${lines.join("\n")}\n`);
    const nul = join(dir, "nul.csv");
    writeFileSync(nul, "pathway_id,date,code\nF1,2026-02-01,A\nF2,2026-02-01,\0A\n");
    for (const f of [bad, nul, "tests/fixtures/cli/malformed.csv", join(dir, "finnes-ikke.csv"), dir]) {
      const r = sameInAnyThreads(f, "--today", "2026-11-22");
      expect(r.status).toBe(2);
      expect(r.stderr).not.toBe("");
    }
  }, 120_000);
});
