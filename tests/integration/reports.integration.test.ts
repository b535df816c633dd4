import { describe, expect, it } from "vitest";
import { computeIndicators, evaluatePathway, INDICATOR_KINDS } from "@/domain/rules";
import { PermissionDenied } from "@/server/auth/assert";
import { recomputeDerived } from "@/server/pathways/derived";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "@/server/pathways/engine-input";
import { drillDown, drillDownSchema } from "@/server/reports/drill-down";
import { reportFilterSchema } from "@/server/reports/filters";
import { complianceReport, qualityReport, trendReport } from "@/server/reports/queries";
import { explainNotice } from "@/server/worklist/row-actions";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Referral received 2026-09-01 (makePathway). Period: 3rd tertial 2026.
const TODAY = "2026-11-22";
const { db } = useAppDatabase();
const filters = (input: Record<string, string> = {}) => reportFilterSchema.parse(input);

type Events = [string, string | null, string][];
const STORIES: Events[] = [
  [["A", null, "2026-09-03"], ["M", null, "2026-09-10"], ["C", "P", "2026-10-15"], ["F", null, "2026-10-16"]], // basis met (day 35)
  [["A", null, "2026-09-03"], ["M", null, "2026-09-05"], ["C", "U", "2026-10-30"]], // basis 13 days late, no F
  [["A", null, "2026-09-03"], ["M", null, "2026-09-05"], ["L", null, "2026-09-20"], ["C", "P", "2026-11-10"]], // late, pasientutsatt
  [["A", null, "2026-09-03"], ["M", null, "2026-09-20"]], // open, 21 days past due
  [["A", null, "2026-09-20"], ["C", "P", "2026-10-01"], ["E", null, "2026-11-01"]], // C without M (notice)
  [["A", null, "2026-09-25"], ["M", null, "2026-11-01"]], // open, not yet due
  [["M", null, "2026-09-10"]], // missing start
];

async function setup() {
  const unit = await makeUnit(db());
  const leader = await makeActor(db(), "LEADER", [unit.id]);
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  for (const events of STORIES) {
    const p = await makePathway(db(), unit.id, clinician.user.id, events);
    await recomputeDerived(db(), p.id, TODAY);
  }
  const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: PATHWAY_ENGINE_SELECT });
  const engine = computeIndicators(stored.map((p) => evaluatePathway(toEngineInput(p), TODAY)), { from: "2026-09-01", to: "2026-12-31" });
  return { unit, leader, clinician, engine };
}

describe("compliance report", () => {
  it("equals the rules engine's indicators on the same pathways", async () => {
    const { leader, engine } = await setup();
    const report = await complianceReport(leader, filters(), TODAY);
    expect(report.scope.period).toMatchObject({ from: "2026-09-01", to: "2026-12-31" });
    for (const kind of INDICATOR_KINDS) {
      const sql = report.total[kind];
      const pure = engine.byKind[kind];
      expect([kind, sql.numerator, sql.denominator, sql.patient, sql.service, sql.late], kind).toEqual([
        kind, pure.numerator, pure.denominator, pure.breachesByCause.patient, pure.breachesByCause.service, pure.daysLate,
      ]);
    }
    // the stories: basis assessment met once, late three times (one pasientutsatt,
    // the open one past due is a service breach); the one without start is
    // left out as NPR does ("Ikke med i beregning")
    expect(report.total.basis_assessment).toMatchObject({ numerator: 1, denominator: 4, patient: 1, service: 2 });
    expect(report.feedback.total).toEqual({ numerator: 1, denominator: 4, share: 0.25 });
  });

  it("every figure equals the number of pathways in its drill-down", async () => {
    const { leader } = await setup();
    const report = await complianceReport(leader, filters(), TODAY);
    for (const kind of INDICATOR_KINDS) {
      const share = report.total[kind];
      const count = async (utfall: string) =>
        (await drillDown(leader, filters(), drillDownSchema.parse({ hva: "frist", kind, utfall }), TODAY)).total;
      expect(await count("alle"), kind).toBe(share.denominator);
      expect(await count("innenfor"), kind).toBe(share.numerator);
      expect(await count("pasient"), kind).toBe(share.patient);
      expect(await count("tjeneste"), kind).toBe(share.service);
      for (const bucket of ["1-7", "8-14", "15-28", ">28"] as const) expect(await count(bucket), `${kind} ${bucket}`).toBe(share.late[bucket]);
    }
    const feedback = await drillDown(leader, filters(), drillDownSchema.parse({ hva: "tilbakemelding", utfall: "med" }), TODAY);
    expect(feedback.total).toBe(report.feedback.total.numerator);
    expect(feedback.rows).toHaveLength(feedback.total);
  });

  it("a leader without access to a unit sees none of its numbers, and clinicians see no reports", async () => {
    const { unit, clinician } = await setup();
    const outsider = await makeActor(db(), "LEADER", [(await makeUnit(db())).id]);
    const report = await complianceReport(outsider, filters({ enhet: unit.id }), TODAY);
    expect(report.scope.unitIds).toEqual([]);
    expect(report.total.basis_assessment.denominator).toBe(0);
    const list = await drillDown(outsider, filters({ enhet: unit.id }), drillDownSchema.parse({ hva: "frist", kind: "basis_assessment" }), TODAY);
    expect(list.total).toBe(0);
    await expect(complianceReport(clinician, filters(), TODAY)).rejects.toBeInstanceOf(PermissionDenied);
  });

  it("trends put each deadline in the month it was decided", async () => {
    const { leader } = await setup();
    const { series } = await trendReport(leader, filters(), TODAY);
    expect(series).toHaveLength(12);
    const october = series.find((s) => s.month === "2026-10-01")!;
    // met on 15.10 and late on 30.10 (the one without start is not counted)
    expect(october.byKind.basis_assessment).toMatchObject({ numerator: 1, denominator: 2 });
    const november = series.find((s) => s.month === "2026-11-01")!;
    // C on 2026-11-10 (late, patient) and the open one past due on 2026-11-01
    expect(november.byKind.basis_assessment).toMatchObject({ numerator: 0, denominator: 2, patient: 1, service: 1 });
  });
});

describe("data quality report", () => {
  it("counts notices per 100 events as the engine does, and explained ones apart", async () => {
    const { unit, leader, clinician, engine } = await setup();
    let report = await qualityReport(leader, filters(), TODAY);
    expect(report.events).toBe(engine.events);
    expect(report.notices).toBe(engine.notices);
    expect(Object.fromEntries(report.byNotice.map((n) => [n.noticeId, n.total]))).toEqual(engine.noticesById);
    expect(report.clinicians).toEqual([expect.objectContaining({ id: clinician.user.id, events: engine.events, notices: engine.notices })]);

    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const notice = await db().worklistItem.findFirstOrThrow({ where: { unitId: unit.id, noticeId: "C_WITHOUT_M" } });
    await explainNotice(coordinator, { pathwayId: notice.pathwayId, noticeKey: notice.key, justification: "Direkte rett til behandling" }, TODAY);
    report = await qualityReport(leader, filters(), TODAY);
    expect(report.notices).toBe(engine.notices); // still counted
    expect(report.byNotice.find((n) => n.noticeId === "C_WITHOUT_M")).toMatchObject({ explained: 1 });
    const explained = await drillDown(leader, filters(), drillDownSchema.parse({ hva: "merknad", forklart: "ja" }), TODAY);
    expect(explained.total).toBe(1);
    const unexplained = await drillDown(leader, filters(), drillDownSchema.parse({ hva: "merknad", forklart: "nei" }), TODAY);
    expect(unexplained.total).toBe(engine.notices - 1);
  });
});
