import { describe, expect, it } from "vitest";
import { annulEvent } from "@/server/events/annul";
import { ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

async function pathwayWithWrongC() {
  const unit = await makeUnit(db());
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const pathway = await makePathway(db(), unit.id, clinician.user.id, [
    ["A", null, "2026-09-03"],
    ["M", null, "2026-09-10"],
    ["C", "U", "2026-09-20"],
  ]);
  const wrongC = pathway.events.find((e) => e.code === "C")!;
  return { unit, clinician, pathway, wrongC };
}

describe("annulling an event (append-only correction)", () => {
  it("keeps the event with who, when and why, and writes an audit row in the same step", async () => {
    const { clinician, pathway, wrongC } = await pathwayWithWrongC();
    const { evaluation } = await annulEvent(clinician, wrongC.id, { reason: "Feil utfall, skulle vært P" }, TODAY);

    const stored = await db().pathwayEvent.findUniqueOrThrow({ where: { id: wrongC.id } });
    expect(stored).toMatchObject({ code: "C", outcome: "U", annulledById: clinician.user.id, annulReason: "Feil utfall, skulle vært P" });
    expect(stored.annulledAt).toBeInstanceOf(Date);
    expect(await db().pathwayEvent.count({ where: { pathwayId: pathway.id } })).toBe(3);

    // The engine ignores the annulled C: the pathway is back in basis assessment.
    expect(evaluation.phase).toBe("basis_assessment");
    const derived = await db().pathway.findUniqueOrThrow({ where: { id: pathway.id } });
    expect(derived.phase).toBe("basis_assessment");
    expect(derived.nextDeadlineKind).toBe("basis_assessment");

    const audit = await db().auditEvent.findMany({ where: { pathwayId: pathway.id, action: "EVENT_ANNULLED" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: clinician.user.id, patientId: pathway.patientId });
  });

  it("two annulments of one event at the same moment: one is stored, the other is a 409 conflict (not a 500)", async () => {
    const { clinician, wrongC } = await pathwayWithWrongC();
    const results = await Promise.allSettled(
      ["Feil utfall", "Feil dato", "Feil kode", "Feil pasient"].map((reason) => annulEvent(clinician, wrongC.id, { reason }, TODAY)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: "already_annulled" });
    }
    expect(await db().auditEvent.count({ where: { action: "EVENT_ANNULLED", pathwayId: wrongC.pathwayId } })).toBe(1);
  });

  it("refuses to annul the same event twice", async () => {
    const { clinician, wrongC } = await pathwayWithWrongC();
    await annulEvent(clinician, wrongC.id, { reason: "Feil dato" }, TODAY);
    await expect(annulEvent(clinician, wrongC.id, { reason: "Igjen" }, TODAY)).rejects.toBeInstanceOf(ConflictError);
  });

  it("requires a reason, and stores nothing without one", async () => {
    const { clinician, wrongC } = await pathwayWithWrongC();
    await expect(annulEvent(clinician, wrongC.id, { reason: " " }, TODAY)).rejects.toBeInstanceOf(ValidationError);
    await expect(annulEvent(clinician, wrongC.id, {} as { reason: unknown }, TODAY)).rejects.toBeInstanceOf(ValidationError);
    const stored = await db().pathwayEvent.findUniqueOrThrow({ where: { id: wrongC.id } });
    expect(stored.annulledAt).toBeNull();
  });

  it("answers not found for an event of another unit", async () => {
    const { wrongC } = await pathwayWithWrongC();
    const otherUnit = await makeUnit(db(), "TSB");
    const outsider = await makeActor(db(), "COORDINATOR", [otherUnit.id]);
    await expect(annulEvent(outsider, wrongC.id, { reason: "Forsøk" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is enforced by the database: an event row cannot be deleted or have its code changed", async () => {
    const { wrongC } = await pathwayWithWrongC();
    await expect(db().pathwayEvent.delete({ where: { id: wrongC.id } })).rejects.toThrow();
    await expect(db().pathwayEvent.update({ where: { id: wrongC.id }, data: { outcome: "P" } })).rejects.toThrow();
    const stored = await db().pathwayEvent.findUniqueOrThrow({ where: { id: wrongC.id } });
    expect(stored.outcome).toBe("U");
  });

  it("keeps each event in its pathway's unit: an update cannot move it, an insert cannot misplace it", async () => {
    const { unit, pathway, wrongC, clinician } = await pathwayWithWrongC();
    const other = await makeUnit(db());
    await expect(db().pathwayEvent.update({ where: { id: wrongC.id }, data: { unitId: other.id } })).rejects.toThrow();
    const inserted = await db().pathwayEvent.create({
      data: { pathwayId: pathway.id, unitId: other.id, code: "E", clinicalDate: new Date("2026-10-01T00:00:00Z"), recordedById: clinician.user.id },
    });
    expect(inserted.unitId).toBe(unit.id);
    expect(await db().pathwayEvent.count({ where: { unitId: other.id } })).toBe(0);
  });
});
