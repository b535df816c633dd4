import { describe, expect, it } from "vitest";
import { noticeKey } from "@/domain/worklist";
import { annulEvent, previewReplacement } from "@/server/events/annul";
import { PermissionDenied } from "@/server/auth/assert";
import { AppError } from "@/server/errors";
import { recomputeDerived } from "@/server/pathways/derived";
import { explainNotice } from "@/server/worklist/row-actions";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Issue 17 items 5 and 6 beneath the browser: a replacement is judged like a
// new code (with the wrong event already annulled), and only the responsible
// clinician or a coordinator explains a notice, on an open or closed pathway.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

async function decidedPathway(extra: [string, string | null, string][] = []) {
  const unit = await makeUnit(db());
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const pathway = await makePathway(db(), unit.id, clinician.user.id, [
    ["A", null, "2026-09-03"],
    ["M", null, "2026-09-10"],
    ["C", "P", "2026-09-20"],
    ...extra,
  ]);
  await db().pathway.update({ where: { id: pathway.id }, data: { responsibleClinicianId: clinician.user.id } });
  await recomputeDerived(db(), pathway.id, TODAY);
  return { unit, clinician, pathway, decision: pathway.events.find((e) => e.code === "C")! };
}

describe("annul and replace: the same preview and justification rule as a new code", () => {
  it("previews E in place of C P as giving E_WITHOUT_C, and asks for a justification", async () => {
    const { clinician, decision } = await decidedPathway();
    const check = await previewReplacement(clinician, decision.id, { replacement: { code: "E", date: "2026-09-20" } }, TODAY);
    expect(check.warnings.map((w) => w.id)).toEqual(["E_WITHOUT_C"]);
    expect(check.needsJustification).toBe(true);
    // the preview stores nothing
    expect(await db().pathwayEvent.count({ where: { pathwayId: decision.pathwayId, annulledAt: { not: null } } })).toBe(0);
  });

  it("refuses the replacement without its own justification and stores nothing (the annulment's reason is not one)", async () => {
    const { clinician, pathway, decision } = await decidedPathway();
    const refused = await annulEvent(clinician, decision.id, { reason: "Feil kode valgt", replacement: { code: "E", date: "2026-09-20" } }, TODAY).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 422, code: "justification_required" });
    const stored = await db().pathwayEvent.findMany({ where: { pathwayId: pathway.id } });
    expect(stored).toHaveLength(3);
    expect(stored.every((e) => e.annulledAt === null)).toBe(true);
    expect(await db().auditEvent.count({ where: { pathwayId: pathway.id, action: "EVENT_ANNULLED" } })).toBe(0);

    const { replacement } = await annulEvent(
      clinician,
      decision.id,
      { reason: "Feil kode valgt", replacement: { code: "E", date: "2026-09-20", justification: "Beslutning registrert i journalen" } },
      TODAY,
    );
    expect(replacement?.event).toMatchObject({ code: "E", justification: "Beslutning registrert i journalen" });
    expect(replacement?.warnings.map((w) => w.id)).toEqual(["E_WITHOUT_C"]);
  });

  it("corrects an event of a closed pathway with the same history", async () => {
    const { clinician, pathway } = await decidedPathway([["E", null, "2026-10-01"], ["X", "P", "2026-10-05"]]);
    const evaluation = pathway.events.find((e) => e.code === "E")!;
    const preview = await previewReplacement(clinician, evaluation.id, { replacement: { code: "E", date: "2026-10-02" } }, TODAY);
    expect(preview.needsJustification).toBe(false);
    const { replacement } = await annulEvent(clinician, evaluation.id, { reason: "Feil dato", replacement: { code: "E", date: "2026-10-02" } }, TODAY);
    expect(replacement?.event).toMatchObject({ code: "E", clinicalDate: "2026-10-02" });
    expect(await db().pathwayEvent.findFirst({ where: { replacesId: evaluation.id } })).toMatchObject({ code: "E" });
    expect(await db().pathway.findUniqueOrThrow({ where: { id: pathway.id } })).toMatchObject({ status: "CLOSED" });
  });
});

describe("explaining a notice: the responsible clinician or a coordinator, open or closed", () => {
  async function closedWithNotice() {
    // E before any C: a notice, then the pathway closes
    const unit = await makeUnit(db());
    const responsible = await makeActor(db(), "CLINICIAN", [unit.id]);
    const pathway = await makePathway(db(), unit.id, responsible.user.id, [
      ["A", null, "2026-09-03"],
      ["M", null, "2026-09-10"],
      ["E", null, "2026-09-20"],
      ["X", "P", "2026-10-05"],
    ]);
    await db().pathway.update({ where: { id: pathway.id }, data: { responsibleClinicianId: responsible.user.id } });
    await recomputeDerived(db(), pathway.id, TODAY);
    const e = pathway.events.find((x) => x.code === "E")!;
    const key = noticeKey({ id: "E_WITHOUT_C", date: "2026-09-20", eventId: e.id });
    return { unit, responsible, pathway, key };
  }

  it("refuses another clinician of the unit, then takes the responsible clinician's explanation on the closed pathway", async () => {
    const { unit, responsible, pathway, key } = await closedWithNotice();
    expect(await db().pathway.findUniqueOrThrow({ where: { id: pathway.id } })).toMatchObject({ status: "CLOSED" });
    const colleague = await makeActor(db(), "CLINICIAN", [unit.id]);
    const refused = await explainNotice(colleague, { pathwayId: pathway.id, noticeKey: key, justification: "Ikke min pasient" }, TODAY).catch((e) => e);
    expect(refused).toBeInstanceOf(PermissionDenied);
    expect(refused).toMatchObject({ status: 403 });
    expect(await db().noticeExplanation.count({ where: { pathwayId: pathway.id } })).toBe(0);

    await explainNotice(responsible, { pathwayId: pathway.id, noticeKey: key, justification: "Beslutningen ble tatt i et samarbeidsmøte." }, TODAY);
    expect(await db().noticeExplanation.findFirstOrThrow({ where: { pathwayId: pathway.id } })).toMatchObject({
      noticeKey: key,
      explainedById: responsible.user.id,
      justification: "Beslutningen ble tatt i et samarbeidsmøte.",
    });
  });

  it("takes a coordinator's explanation", async () => {
    const { unit, pathway, key } = await closedWithNotice();
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    await explainNotice(coordinator, { pathwayId: pathway.id, noticeKey: key, justification: "Kontrollert mot journalen." }, TODAY);
    expect(await db().auditEvent.count({ where: { pathwayId: pathway.id, action: "NOTICE_EXPLAINED", userId: coordinator.user.id } })).toBe(1);
  });
});
