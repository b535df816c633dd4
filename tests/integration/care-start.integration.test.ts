import { describe, expect, it } from "vitest";
import { computeIndicators, evaluatePathway } from "@/domain/rules";
import { WORKLIST_REASONS } from "@/domain/worklist";
import { registerEvent } from "@/server/events/register";
import { recomputeDerived } from "@/server/pathways/derived";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "@/server/pathways/engine-input";
import { drillDown, drillDownSchema } from "@/server/reports/drill-down";
import { reportFilterSchema } from "@/server/reports/filters";
import { complianceReport } from "@/server/reports/queries";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { listWorklist, worklistSummary } from "@/server/worklist/query";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// The legal deadline (juridisk frist) stored on the referral, through the rules
// engine into the derived rows: worklist reasons (on write and by the nightly
// recompute's code path) and the fristbrudd indicator with its drill-down.
// Referral received 2026-09-01, start A 2026-09-03 (makePathway). 3rd tertial 2026.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();
const worklist = (input: Record<string, string> = {}) => worklistFilterSchema.parse(input);
const report = (input: Record<string, string> = {}) => reportFilterSchema.parse(input);

async function pathwayWith(unitId: string, userId: string, events: [string, string | null, string][], legalDeadline: string | null, today = TODAY) {
  const pathway = await makePathway(db(), unitId, userId, events);
  if (legalDeadline) await db().referral.update({ where: { id: pathway.referralId }, data: { legalDeadline: new Date(`${legalDeadline}T00:00:00Z`), rightToCare: true } });
  await recomputeDerived(db(), pathway.id, today);
  return pathway;
}

async function setup() {
  const unit = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const by = coordinator.user.id;
  const pathways = {
    // first attendance 4 days after the legal deadline: a settled fristbrudd by the service
    lateM: await pathwayWith(unit.id, by, [["A", null, "2026-09-03"], ["M", null, "2026-10-05"]], "2026-10-01"),
    // no M, deadline passed, an L in between: an open fristbrudd caused by the patient
    openLate: await pathwayWith(unit.id, by, [["A", null, "2026-09-03"], ["L", null, "2026-10-20"]], "2026-11-01"),
    // met on the deadline day itself
    met: await pathwayWith(unit.id, by, [["A", null, "2026-09-03"], ["M", null, "2026-10-15"]], "2026-10-15"),
    // deadline ahead, within the horizon
    due: await pathwayWith(unit.id, by, [["A", null, "2026-09-03"]], "2026-11-30"),
    // no right to care: no legal deadline; its basis assessment (M 2026-10-01) is 10 days late
    advisory: await pathwayWith(unit.id, by, [["A", null, "2026-09-03"], ["M", null, "2026-10-01"]], null),
  };
  return { unit, coordinator, clinician, pathways };
}

describe("legal deadline in the database", () => {
  it("the reason enum sorts as WORKLIST_REASONS (the grouped list's rank)", async () => {
    const rows = await db().$queryRaw<{ label: string }[]>`
      SELECT e."enumlabel"::text AS label FROM pg_enum e JOIN pg_type t ON t."oid" = e."enumtypid" WHERE t."typname" = 'WorklistReason' ORDER BY e."enumsortorder"`;
    expect(rows.map((r) => r.label)).toEqual([...WORKLIST_REASONS]);
  });

  it("puts fristbrudd first and the legal deadline next, above the advisory deadlines, in the grouped worklist", async () => {
    const { coordinator, pathways } = await setup();
    const { rows } = await listWorklist(coordinator, worklist(), TODAY);
    const legal = rows.filter((r) => r.deadlineKind === "care_start");
    expect(legal.map((r) => [r.pathwayId, r.reason, r.dueOn])).toEqual([
      [pathways.lateM.id, "LEGAL_DEADLINE_BREACHED", "2026-10-01"],
      [pathways.openLate.id, "LEGAL_DEADLINE_BREACHED", "2026-11-01"],
      [pathways.due.id, "LEGAL_DEADLINE", "2026-11-30"],
    ]);
    expect(rows.slice(0, 3).map((r) => r.reason)).toEqual(["LEGAL_DEADLINE_BREACHED", "LEGAL_DEADLINE_BREACHED", "LEGAL_DEADLINE"]);
    expect(rows[3]).toMatchObject({ reason: "DEADLINE", pathwayId: pathways.advisory.id, deadlineKind: "basis_assessment" });
    expect(legal[0].description).toBe("Fristbrudd: første frammøte 05.10.2026, 4 dager etter juridisk frist 01.10.2026");
    expect(legal[0].eventId).toBe(pathways.lateM.events.find((e) => e.code === "M")!.id);

    const summary = await worklistSummary(coordinator, worklist(), TODAY);
    expect(summary.byFilter).toMatchObject({ fristbrudd: 2, "juridisk-frist": 1 });
    expect((await listWorklist(coordinator, worklist({ grunn: "fristbrudd" }), TODAY)).rows.map((r) => r.pathwayId)).toEqual([pathways.lateM.id, pathways.openLate.id]);
  });

  it("turns into a fristbrudd the day after the deadline (the nightly recompute's path), and a late M registered settles it", async () => {
    const { unit, coordinator, clinician } = await setup();
    const p = await pathwayWith(unit.id, coordinator.user.id, [["A", null, "2026-09-03"]], "2026-11-20", "2026-11-20");
    const rowOf = async () => db().worklistItem.findUniqueOrThrow({ where: { pathwayId_key: { pathwayId: p.id, key: "deadline:care_start:2026-09-03" } } });
    expect(await rowOf()).toMatchObject({ reason: "LEGAL_DEADLINE", eventId: null });
    await recomputeDerived(db(), p.id, "2026-11-21");
    expect(await rowOf()).toMatchObject({ reason: "LEGAL_DEADLINE_BREACHED", eventId: null });

    // closing a deadline late asks for a justification, the legal deadline too
    const { event } = await registerEvent(clinician, p.id, { code: "M", date: "2026-11-22", justification: "Pasienten fikk time først nå." }, TODAY);
    expect(await rowOf()).toMatchObject({ reason: "LEGAL_DEADLINE_BREACHED", eventId: event.id, sinceOn: new Date("2026-11-22T00:00:00Z") });
    expect(await db().pathwayDeadline.findFirstOrThrow({ where: { pathwayId: p.id, kind: "care_start" } })).toMatchObject({ met: false, daysLate: 2, cause: "service" });
  });
});

describe("fristbrudd in the reports", () => {
  it("counts fristbrudd per unit, service apart from patient, equal to the engine and to its drill-down", async () => {
    const { unit, coordinator, pathways } = await setup();
    const r = await complianceReport(coordinator, report(), TODAY);
    expect(r.byUnit[unit.id].care_start).toMatchObject({ numerator: 1, denominator: 3, service: 1, patient: 1 });

    const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: PATHWAY_ENGINE_SELECT });
    const engine = computeIndicators(stored.map((p) => evaluatePathway(toEngineInput(p), TODAY)), r.scope.period).byKind.care_start;
    expect([engine.numerator, engine.denominator, engine.breachesByCause]).toEqual([1, 3, { patient: 1, service: 1 }]);

    const drill = async (utfall: string) => drillDown(coordinator, report(), drillDownSchema.parse({ hva: "frist", kind: "care_start", utfall, enhetsrad: unit.id }), TODAY);
    const breached = await drill("brudd");
    expect(breached.total).toBe(2);
    expect(breached.rows.map((row) => [row.pathwayId, row.daysLate, row.cause])).toEqual([[pathways.openLate.id, 21, "patient"], [pathways.lateM.id, 4, "service"]]);
    expect((await drill("tjeneste")).rows.map((row) => row.pathwayId)).toEqual([pathways.lateM.id]);
  });

  it("an other unit's leader sees none of them", async () => {
    await setup();
    const other = await makeUnit(db());
    const leader = await makeActor(db(), "LEADER", [other.id]);
    expect((await complianceReport(leader, report(), TODAY)).total.care_start).toMatchObject({ numerator: 0, denominator: 0 });
  });
});
