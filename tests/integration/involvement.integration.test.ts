import { describe, expect, it } from "vitest";
import { computeIndicators, evaluatePathway, INVOLVEMENT_INDICATORS } from "@/domain/rules";
import { recomputeDerived } from "@/server/pathways/derived";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "@/server/pathways/engine-input";
import { drillDown, drillDownSchema } from "@/server/reports/drill-down";
import { reportFilterSchema } from "@/server/reports/filters";
import { complianceReport } from "@/server/reports/queries";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Issue 14: the involvement indicators in the report equal the rules
// engine's computeIndicators on the same pathways, and each figure equals the
// pathways in its drill-down. Period: 3rd tertial 2026 (2026-09-01 – 12-31).
const TODAY = "2026-11-22";
const { db } = useAppDatabase();
const filters = reportFilterSchema.parse({});

type Events = [string, string | null, string][];
const treated: Events = [["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "P", "2026-10-15"]];
const STORIES: Events[] = [
  [...treated, ["U", "BP", "2026-10-20"], ["U", "IB", "2026-10-15"]], // plan and informed
  [...treated, ["U", "TV", "2026-11-01"]], // feedback tool only
  [...treated, ["U", "PE", "2026-11-01"]], // another activity: counts in no share
  [...treated], // no activity
  [["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "K", "2026-10-15"], ["U", "BP", "2026-10-20"]], // no treatment decision: not measured
  [["M", null, "2026-09-10"], ["C", "T", "2026-10-15"], ["U", "BP", "2026-10-20"]], // no start: NPR leaves it out
  [["A", null, "2026-05-03"], ["M", null, "2026-05-10"], ["C", "P", "2026-06-15"], ["U", "BP", "2026-10-20"]], // decision before the period
];

async function setup() {
  const unit = await makeUnit(db());
  const leader = await makeActor(db(), "LEADER", [unit.id]);
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  for (const events of STORIES) {
    const p = await makePathway(db(), unit.id, clinician.user.id, events);
    await recomputeDerived(db(), p.id, TODAY);
  }
  // an annulled activity counts for nothing
  const annulled = await makePathway(db(), unit.id, clinician.user.id, [...treated, ["U", "BP", "2026-10-20"]]);
  await db().pathwayEvent.updateMany({ where: { pathwayId: annulled.id, code: "U" }, data: { annulledAt: new Date(), annulledById: clinician.user.id, annulReason: "Feil pasient" } });
  await recomputeDerived(db(), annulled.id, TODAY);
  const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: PATHWAY_ENGINE_SELECT });
  const engine = computeIndicators(stored.map((p) => evaluatePathway(toEngineInput(p), TODAY)), { from: "2026-09-01", to: "2026-12-31" });
  return { leader, engine };
}

describe("involvement indicators", () => {
  it("equal the rules engine's shares on the same pathways", async () => {
    const { leader, engine } = await setup();
    const report = await complianceReport(leader, filters, TODAY);
    for (const indicator of INVOLVEMENT_INDICATORS) expect(report.involvement.total[indicator], indicator).toEqual(engine.involvement[indicator]);
    expect(report.involvement.total.treatment_plan).toEqual({ numerator: 1, denominator: 5, share: 0.2 });
    expect(report.involvement.total.informed_of_options).toMatchObject({ numerator: 1, denominator: 5 });
    expect(report.involvement.total.feedback_tool).toMatchObject({ numerator: 1, denominator: 5 });
  });

  it("every figure equals the number of pathways in its drill-down", async () => {
    const { leader } = await setup();
    const report = await complianceReport(leader, filters, TODAY);
    for (const indicator of INVOLVEMENT_INDICATORS) {
      const count = async (utfall: string) => (await drillDown(leader, filters, drillDownSchema.parse({ hva: "involvering", indikator: indicator, utfall }), TODAY)).total;
      const share = report.involvement.total[indicator];
      expect(await count("alle"), indicator).toBe(share.denominator);
      expect(await count("med"), indicator).toBe(share.numerator);
      expect(await count("uten"), indicator).toBe(share.denominator - share.numerator);
    }
  });
});
