import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/server/auth/assert";
import { recomputeDerived } from "@/server/pathways/derived";
import { listOwnPathways } from "@/server/pathways/own-list";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// "Mine pasienter": the clinician's own open pathways, most urgent first, and
// the search (a server action, so the typed text never reaches a URL).
const TODAY = "2026-11-22";
const { db } = useAppDatabase();

async function setup() {
  const unit = await makeUnit(db());
  const otherUnit = await makeUnit(db());
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const colleague = await makeActor(db(), "CLINICIAN", [unit.id]);
  const mine = async (events: [string, string | null, string][], owner = clinician.user.id, unitId = unit.id) => {
    const p = await makePathway(db(), unitId, owner, events);
    await db().pathway.update({ where: { id: p.id }, data: { responsibleClinicianId: owner } });
    await recomputeDerived(db(), p.id, TODAY);
    return db().pathway.findUniqueOrThrow({ where: { id: p.id }, include: { patient: true } });
  };
  const late = await mine([["A", null, "2026-09-03"], ["M", null, "2026-09-05"]]); // basis due 17.10: late
  const soon = await mine([["A", null, "2026-09-03"], ["M", null, "2026-11-01"]]); // basis due 13.12
  const colleagues = await mine([["A", null, "2026-09-03"]], colleague.user.id);
  return { clinician, colleague, late, soon, colleagues, otherUnit };
}

describe("Mine pasienter", () => {
  it("lists only the clinician's own open pathways, most urgent first, and audits the view without the search text", async () => {
    const { clinician, late, soon, colleagues } = await setup();
    const rows = await listOwnPathways(clinician, { q: "" });
    expect(rows.map((r) => r.id)).toEqual([late.id, soon.id]);
    expect(rows.map((r) => r.id)).not.toContain(colleagues.id);
    expect(rows[0].maskedId).not.toContain(late.patient.nationalId);

    await listOwnPathways(clinician, { q: late.patient.name });
    const audit = await db().auditEvent.findFirst({ where: { userId: clinician.user.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "PATIENT_LIST_VIEWED", detail: { list: "own", search: true, count: 1 } });
    expect(JSON.stringify(audit?.detail)).not.toContain(late.patient.name);
  });

  it("searches by part of the name (any case) and by the last digits of the national id", async () => {
    const { clinician, late, soon } = await setup();
    const byName = await listOwnPathways(clinician, { q: `  ${late.patient.name.slice(-6).toUpperCase()} ` });
    expect(byName.map((r) => r.id)).toEqual([late.id]);
    const byDigits = await listOwnPathways(clinician, { q: soon.patient.nationalId.slice(-5) });
    expect(byDigits.map((r) => r.id)).toContain(soon.id);
    expect(await listOwnPathways(clinician, { q: "ingen slik pasient" })).toEqual([]);
  });

  it("refuses a search of more than 100 characters and leaders and administrators (no list of their own)", async () => {
    const { clinician, otherUnit } = await setup();
    await expect(listOwnPathways(clinician, { q: "x".repeat(101) })).rejects.toThrow();
    const leader = await makeActor(db(), "LEADER", [otherUnit.id]);
    const admin = await makeActor(db(), "ADMIN", []);
    for (const actor of [leader, admin]) {
      await expect(listOwnPathways(actor, { q: "" })).rejects.toBeInstanceOf(PermissionDenied);
    }
  });
});
