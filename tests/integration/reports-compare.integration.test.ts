import { describe, expect, it } from "vitest";
import { computeIndicators, evaluatePathway, INDICATOR_KINDS } from "@/domain/rules";
import { codingLag } from "@/domain/reports/compare";
import { PermissionDenied } from "@/server/auth/assert";
import { recomputeDerived } from "@/server/pathways/derived";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "@/server/pathways/engine-input";
import { drillDown, drillDownSchema } from "@/server/reports/drill-down";
import { drillDownCsv } from "@/server/reports/drill-down-export";
import { reportFilterSchema } from "@/server/reports/filters";
import { codingLagReport, complianceReport } from "@/server/reports/queries";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Crafted pathways (referral received 2026-09-01, makePathway), the clock pinned.
const TODAY = "2026-11-22";
const { db } = useAppDatabase();
const filters = (input: Record<string, string> = {}) => reportFilterSchema.parse(input);

type Events = [string, string | null, string][];
const STORIES: Events[] = [
  [["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "P", "2026-10-15"], ["F", null, "2026-10-16"]],
  [["A", null, "2026-09-03"], ["M", null, "2026-09-05"], ["C", "U", "2026-10-30"]],
  [["A", null, "2026-09-03"], ["M", null, "2026-09-05"], ["L", null, "2026-09-20"], ["C", "P", "2026-11-10"]],
  [["A", null, "2026-09-03"], ["M", null, "2026-09-20"]],
  [["A", null, "2026-09-20"], ["C", "P", "2026-10-01"], ["E", null, "2026-11-01"]],
  [["A", null, "2026-09-25"], ["M", null, "2026-11-01"]],
  [["M", null, "2026-09-10"]],
];

async function setup() {
  const unit = await makeUnit(db());
  const leader = await makeActor(db(), "LEADER", [unit.id]);
  const anna = await makeActor(db(), "CLINICIAN", [unit.id]);
  const bjorn = await makeActor(db(), "CLINICIAN", [unit.id]);
  const pathways = [];
  for (const [i, events] of STORIES.entries()) {
    const p = await makePathway(db(), unit.id, anna.user.id, events);
    // nobody is responsible for the first story, Anna for the other even ones, Bjørn for the odd ones
    const responsible = i === 0 ? null : i % 2 === 0 ? anna.user.id : bjorn.user.id;
    await db().pathway.update({ where: { id: p.id }, data: { responsibleClinicianId: responsible } });
    await recomputeDerived(db(), p.id, TODAY);
    pathways.push({ ...p, responsible });
  }
  const engine = async (ids: string[], period: { from: string; to: string }) => {
    const stored = await db().pathway.findMany({ where: { id: { in: ids } }, select: PATHWAY_ENGINE_SELECT });
    return computeIndicators(stored.map((p) => evaluatePathway(toEngineInput(p), TODAY)), period);
  };
  return { unit, leader, anna, bjorn, pathways, engine };
}

describe("comparison with the previous period", () => {
  it("is the period of the same length just before, with the engine's figures for it", async () => {
    const { leader, pathways, engine } = await setup();
    // 61 days (October–November) → the 61 days before: 1 August–30 September
    const report = await complianceReport(leader, filters({ fra: "2026-10-01", til: "2026-11-30" }), TODAY);
    expect(report.previous).toMatchObject({ from: "2026-08-01", to: "2026-09-30" });
    const before = await engine(pathways.map((p) => p.id), { from: "2026-08-01", to: "2026-09-30" });
    const now = await engine(pathways.map((p) => p.id), { from: "2026-10-01", to: "2026-11-30" });
    for (const kind of INDICATOR_KINDS) {
      expect([kind, report.previous.total[kind].numerator, report.previous.total[kind].denominator], kind)
        .toEqual([kind, before.byKind[kind].numerator, before.byKind[kind].denominator]);
      expect([kind, report.total[kind].denominator], kind).toEqual([kind, now.byKind[kind].denominator]);
    }
    // the referral assessments (A in September) fall in the previous period only
    expect(report.previous.total.referral_assessment.denominator).toBeGreaterThan(0);
    expect(report.total.referral_assessment.denominator).toBe(0);
  });
});

describe("compliance per responsible clinician", () => {
  it("each clinician's figures are the engine's on their own pathways, and they add up to the total", async () => {
    const { leader, anna, bjorn, pathways, engine } = await setup();
    const report = await complianceReport(leader, filters(), TODAY);
    const period = { from: "2026-09-01", to: "2026-12-31" };
    for (const who of [anna, bjorn]) {
      const row = report.byClinician.find((c) => c.id === who.user.id)!;
      expect(row.name).toBe(who.user.name);
      const pure = await engine(pathways.filter((p) => p.responsible === who.user.id).map((p) => p.id), period);
      for (const kind of INDICATOR_KINDS) {
        expect([kind, row.byKind[kind].numerator, row.byKind[kind].denominator]).toEqual([kind, pure.byKind[kind].numerator, pure.byKind[kind].denominator]);
      }
    }
    // pathways without a responsible clinician are a row of their own, last
    expect(report.byClinician.at(-1)).toMatchObject({ id: null, name: "Ingen ansvarlig behandler" });
    for (const kind of INDICATOR_KINDS) {
      expect(report.byClinician.reduce((s, c) => s + c.byKind[kind].denominator, 0), kind).toBe(report.total[kind].denominator);
    }
  });
});

describe("coding lag", () => {
  it("recorded date − clinical date in Oslo days: median and over 7 days, per clinician and per unit", async () => {
    const { unit, leader, anna, bjorn } = await setup();
    const other = await makeUnit(db());
    await db().userUnit.create({ data: { userId: leader.user.id, unitId: other.id } });
    const both = { ...leader, user: { ...leader.user, unitIds: [unit.id, other.id] } };
    const clinical = "2026-10-01";
    // recorded at 22:30 UTC on 8 October is 00:30 on 9 October in Oslo: 8 days, late (7 by the UTC date)
    // events are append-only: each is written with its recordedAt
    const event = async (pathwayId: string, code: string, clinicalDate: string, recordedAt: string) =>
      db().pathwayEvent.create({ data: { pathwayId, code, clinicalDate: new Date(`${clinicalDate}T00:00:00Z`), recordedById: bjorn.user.id, recordedAt: new Date(recordedAt) } });
    const first = await makePathway(db(), other.id, bjorn.user.id);
    const second = await makePathway(db(), other.id, bjorn.user.id);
    // recorded at 22:30 UTC on 8 October is 00:30 on 9 October in Oslo: 8 days, late (7 by the UTC date)
    await event(first.id, "A", clinical, "2026-10-08T22:30:00Z");
    await event(second.id, "A", clinical, "2026-10-02T10:00:00Z"); // 1 day
    await event(second.id, "M", "2026-10-10", "2026-10-10T21:59:00Z"); // 23:59 in Oslo, the same day: 0
    // an annulled event is not counted
    const annulled = await event(second.id, "C", clinical, "2026-11-20T10:00:00Z");
    await db().pathwayEvent.update({ where: { id: annulled.id }, data: { annulledAt: new Date("2026-11-20T11:00:00Z"), annulledById: bjorn.user.id, annulReason: "Feil kode" } });

    const report = await codingLagReport(both, filters(), TODAY);
    const expectedBjorn = codingLag([8, 1, 0]);
    expect(report.byClinician.find((c) => c.id === bjorn.user.id)).toMatchObject({ ...expectedBjorn, name: bjorn.user.name });
    expect(expectedBjorn).toMatchObject({ median: 1, late: 1 });
    expect(report.byUnit.find((u) => u.id === other.id)).toMatchObject({ ...expectedBjorn, name: other.name });

    // Anna's events were all recorded now (the test's real clock): the same definition over the stored lags
    const stored = await db().$queryRaw<{ lag: number }[]>`
      SELECT ((e."recordedAt" AT TIME ZONE 'Europe/Oslo')::date - e."clinicalDate") AS lag FROM "PathwayEvent" e
      WHERE e."recordedById" = ${anna.user.id} AND e."annulledAt" IS NULL AND e."clinicalDate" BETWEEN '2026-09-01' AND '2026-12-31'`;
    expect(report.byClinician.find((c) => c.id === anna.user.id)).toMatchObject(codingLag(stored.map((r) => Number(r.lag))));
    // the unit filter narrows it
    const one = await codingLagReport(both, filters({ enhet: unit.id }), TODAY);
    expect(one.byUnit.map((u) => u.id)).toEqual([unit.id]);
    expect(one.byClinician.map((c) => c.id)).not.toContain(bjorn.user.id);
  });
});

describe("drill-down pages and CSV", () => {
  it("pages cover every row once, side x av y; a page past the end is the last", async () => {
    const { leader } = await setup();
    const q = drillDownSchema.parse({ hva: "merknad" });
    const all = await drillDown(leader, filters(), q, TODAY, 1, 1000);
    expect(all.total).toBeGreaterThan(1);
    const seen: string[] = [];
    const pages = all.total;
    for (let page = 1; page <= pages; page++) {
      const one = await drillDown(leader, filters(), q, TODAY, page, 1);
      expect([one.page, one.pages, one.total]).toEqual([page, pages, all.total]);
      seen.push(...one.rows.map((r) => `${r.pathwayId}|${r.label}|${r.date}`));
    }
    expect(seen).toEqual(all.rows.map((r) => `${r.pathwayId}|${r.label}|${r.date}`));
    const past = await drillDown(leader, filters(), q, TODAY, 99, 1);
    expect(past.page).toBe(pages);
    expect(past.rows.length).toBeGreaterThan(0);
  });

  it("the CSV holds every row, and its download is audited with the patients it names", async () => {
    const { leader, anna } = await setup();
    const params = new URLSearchParams({ hva: "tilbakemelding" });
    const { csv, fileName } = await drillDownCsv(leader, params, "https://fv.example", TODAY);
    const shown = await drillDown(leader, filters(), drillDownSchema.parse({ hva: "tilbakemelding" }), TODAY);
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toContain("Pasient;Fødselsnr. (maskert)");
    expect(lines).toHaveLength(shown.total + 1);
    expect(lines[1]).toContain("https://fv.example/forlop/");
    expect(fileName).toMatch(/^rapport-kliniske-beslutninger-alle-malte-2026-09-01-2026-12-31\.csv$/);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { userId: leader.user.id, action: "EXPORT_DOWNLOADED" }, orderBy: { at: "desc" } });
    const patients = await db().pathway.findMany({ where: { id: { in: shown.rows.map((r) => r.pathwayId) } }, select: { patientId: true } });
    expect([...audit.patientIds].sort()).toEqual(patients.map((p) => p.patientId).sort());
    await expect(drillDownCsv(anna, params, "https://fv.example", TODAY)).rejects.toBeInstanceOf(PermissionDenied);
  });
});
