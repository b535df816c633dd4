import { describe, expect, it } from "vitest";
import { PermissionDenied } from "@/server/auth/assert";
import { getPathwayDetail } from "@/server/pathways/detail";
import { listOwnPathways } from "@/server/pathways/own-list";
import { patientAccessLog } from "@/server/patient-access-log";
import { listWorklist } from "@/server/worklist/query";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { recomputeDerived } from "@/server/pathways/derived";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// "Who has seen patient X": the audit rows naming the patient alone (a pathway
// page, a write) and those naming it among a list's patients, newest first.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

describe("who has seen a patient", () => {
  it("finds page views, list views and denied attempts, newest first, and nobody else's patient", async () => {
    const [unit, other] = [await makeUnit(db()), await makeUnit(db())];
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const outsider = await makeActor(db(), "CLINICIAN", [other.id]);
    const admin = await makeActor(db(), "PRIVACY_OFFICER", []);
    const pathway = await makePathway(db(), unit.id, clinician.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);
    const neighbour = await makePathway(db(), unit.id, clinician.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);
    for (const p of [pathway, neighbour]) {
      await db().pathway.update({ where: { id: p.id }, data: { responsibleClinicianId: clinician.user.id } });
      await recomputeDerived(db(), p.id, TODAY);
    }

    await getPathwayDetail(clinician, pathway.id, TODAY);
    await listOwnPathways(clinician, { q: "" });
    await listWorklist(coordinator, worklistFilterSchema.parse({}), TODAY);
    await getPathwayDetail(outsider, pathway.id, TODAY).catch(() => null);
    // a list that did not show the patient
    await listOwnPathways(clinician, { q: "ingen slik pasient" });

    const { rows, nextCursor } = await patientAccessLog(admin, { patientId: pathway.patientId });
    expect(nextCursor).toBeNull();
    expect(rows.map((r) => [r.action, r.userId, r.viaList])).toEqual([
      ["ACCESS_DENIED", outsider.user.id, false],
      ["WORKLIST_VIEWED", coordinator.user.id, true],
      ["PATIENT_LIST_VIEWED", clinician.user.id, true],
      ["PATHWAY_VIEWED", clinician.user.id, false],
    ]);
    expect(rows[0]).toMatchObject({ userName: outsider.user.name, pathwayId: pathway.id, ip: "10.0.0.1" });
    expect(rows[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    // paged: two at a time, every row once
    const first = await patientAccessLog(admin, { patientId: pathway.patientId, limit: 2 });
    const second = await patientAccessLog(admin, { patientId: pathway.patientId, limit: 2, before: first.nextCursor! });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(second.nextCursor).toBeNull();
  });

  it("uses the indexes: the array through its GIN index, the single column through its own", async () => {
    // the helper's condition; seq scans off: a test table is small enough for one
    const rows = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT * FROM "AuditEvent" WHERE "patientId" = 'x' OR "patientIds" @> ARRAY['x']::text[]`);
    });
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(plan).toContain("AuditEvent_patientIds_idx");
    expect(plan).toContain("AuditEvent_patientId_at_idx");
  });

  it("is for the privacy officer (audit.read) only, and refuses a malformed patient id", async () => {
    const unit = await makeUnit(db());
    for (const role of ["CLINICIAN", "COORDINATOR", "LEADER"] as const) {
      const actor = await makeActor(db(), role, [unit.id]);
      await expect(patientAccessLog(actor, { patientId: "c123" })).rejects.toBeInstanceOf(PermissionDenied);
    }
    const admin = await makeActor(db(), "PRIVACY_OFFICER", []);
    await expect(patientAccessLog(admin, { patientId: "'; --" })).rejects.toThrow(/Ugyldig pasient-id/);
  });
});
