import { describe, expect, it } from "vitest";
import type { AuditAction } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/current-user";
import { listPathways } from "@/server/pathways/list";
import { listOwnPathways } from "@/server/pathways/own-list";
import { recomputeDerived } from "@/server/pathways/derived";
import { drillDown, drillDownSchema } from "@/server/reports/drill-down";
import { reportFilterSchema } from "@/server/reports/filters";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { exportWorklist, listWorklist } from "@/server/worklist/query";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Every response that shows patients writes one audit row naming exactly the
// patients it showed (issue 13, item 6), so that "who has seen patient X"
// finds list views too.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

async function setup() {
  const unit = await makeUnit(db());
  const other = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const leader = await makeActor(db(), "LEADER", [unit.id]);
  const outsider = await makeActor(db(), "COORDINATOR", [other.id]);
  const histories: [string, string | null, string][][] = [
    [["A", null, "2026-09-03"], ["M", null, "2026-09-10"]], // basis assessment overdue
    [["A", null, "2026-09-03"], ["C", "P", "2026-11-01"]], // C without M: a notice
    [["A", null, "2026-09-03"], ["M", null, "2026-10-01"]],
    [["A", null, "2026-09-03"], ["M", null, "2026-09-20"]],
    [["A", null, "2026-09-03"], ["M", null, "2026-11-15"]],
  ];
  const pathways = [];
  for (const events of histories) {
    const p = await makePathway(db(), unit.id, clinician.user.id, events);
    await db().pathway.update({ where: { id: p.id }, data: { responsibleClinicianId: clinician.user.id } });
    await recomputeDerived(db(), p.id, TODAY);
    pathways.push(p);
  }
  // another unit's patients, on every list's conditions: never named
  const foreign = await makePathway(db(), other.id, outsider.user.id, histories[0]);
  await recomputeDerived(db(), foreign.id, TODAY);
  return { unit, coordinator, clinician, leader, pathways, foreign };
}

/** The patients of the given pathways, sorted and distinct, as the audit row holds them. */
async function patientsOf(pathwayIds: string[]) {
  const rows = await db().pathway.findMany({ where: { id: { in: pathwayIds } }, select: { patientId: true } });
  return [...new Set(rows.map((r) => r.patientId))].sort();
}

async function lastAudit(actor: Actor, action: AuditAction) {
  return db().auditEvent.findFirstOrThrow({ where: { userId: actor.user.id, action }, orderBy: { id: "desc" } });
}

async function auditCount(actor: Actor) {
  return db().auditEvent.count({ where: { userId: actor.user.id } });
}

describe("list responses audit the patients they showed", () => {
  it("worklist page and API: the rows shown, not the look-ahead row that tells whether a next page exists", async () => {
    const { coordinator, foreign } = await setup();
    const all = (await listWorklist(coordinator, worklistFilterSchema.parse({ sortering: "frist" }), TODAY, 1000)).rows;
    expect(all.length).toBeGreaterThan(3);
    // a page size whose look-ahead row belongs to a patient not shown on the page
    const patientOfRow = await Promise.all(all.map(async (r) => (await patientsOf([r.pathwayId]))[0]));
    const size = patientOfRow.findIndex((p, i) => i > 0 && !patientOfRow.slice(0, i).includes(p));
    expect(size).toBeGreaterThan(0);

    const before = await auditCount(coordinator);
    const page = await listWorklist(coordinator, worklistFilterSchema.parse({ sortering: "frist" }), TODAY, size);
    expect(page.nextCursor).not.toBeNull();
    expect(await auditCount(coordinator)).toBe(before + 1);
    const audit = await lastAudit(coordinator, "WORKLIST_VIEWED");
    expect(audit.patientIds).toEqual(await patientsOf(page.rows.map((r) => r.pathwayId)));
    expect(audit.patientIds).not.toContain(patientOfRow[size]);
    expect(audit.patientIds).not.toContain(foreign.patientId);
    expect(audit.detail).toMatchObject({ rows: size });

    // the first page as the page and the API ask for it (default size)
    const first = await listWorklist(coordinator, worklistFilterSchema.parse({}), TODAY);
    expect((await lastAudit(coordinator, "WORKLIST_VIEWED")).patientIds).toEqual(await patientsOf(first.rows.map((r) => r.pathwayId)));
  });

  it("worklist page that shows no row names no patient", async () => {
    const { coordinator } = await setup();
    const { rows } = await listWorklist(coordinator, worklistFilterSchema.parse({ behandler: "ingen" }), TODAY);
    expect(rows).toEqual([]);
    expect((await lastAudit(coordinator, "WORKLIST_VIEWED")).patientIds).toEqual([]);
  });

  it("worklist CSV export: every exported row's patient, in one row", async () => {
    const { coordinator, foreign } = await setup();
    const before = await auditCount(coordinator);
    const { rows } = await exportWorklist(coordinator, worklistFilterSchema.parse({}), TODAY);
    expect(rows.length).toBeGreaterThan(3);
    expect(await auditCount(coordinator)).toBe(before + 1);
    const audit = await lastAudit(coordinator, "EXPORT_DOWNLOADED");
    expect(audit.patientIds).toEqual(await patientsOf(rows.map((r) => r.pathwayId)));
    expect(audit.patientIds).not.toContain(foreign.patientId);
  });

  it("GET /api/v1/pathways: the page's patients, not the look-ahead one", async () => {
    const { coordinator, pathways, foreign } = await setup();
    for (const actor of [coordinator]) {
      const page = await listPathways(actor, { limit: "2" });
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).not.toBeNull();
      const audit = await lastAudit(actor, "PATIENT_LIST_VIEWED");
      const shown = await patientsOf(page.items.map((i) => i.id));
      expect(shown).toHaveLength(2);
      expect(audit.patientIds).toEqual(shown);
      expect(audit.patientIds).not.toContain(foreign.patientId);
      const all = await listPathways(actor, { limit: "200" });
      expect(all.items).toHaveLength(pathways.length);
      expect((await lastAudit(actor, "PATIENT_LIST_VIEWED")).patientIds).toEqual(await patientsOf(pathways.map((p) => p.id)));
    }
  });

  it("the report drill-down: the patients of the rows listed", async () => {
    const { leader, coordinator, foreign } = await setup();
    for (const actor of [leader, coordinator]) {
      const deadlines = await drillDown(actor, reportFilterSchema.parse({}), drillDownSchema.parse({ hva: "frist", kind: "basis_assessment" }), TODAY);
      expect(deadlines.rows.length).toBeGreaterThan(0);
      const audit = await lastAudit(actor, "PATIENT_LIST_VIEWED");
      expect(audit.patientIds).toEqual(await patientsOf(deadlines.rows.map((r) => r.pathwayId)));
      expect(audit.patientIds).not.toContain(foreign.patientId);

      const notices = await drillDown(actor, reportFilterSchema.parse({}), drillDownSchema.parse({ hva: "merknad" }), TODAY);
      expect(notices.rows.length).toBeGreaterThan(0);
      expect((await lastAudit(actor, "PATIENT_LIST_VIEWED")).patientIds).toEqual(await patientsOf(notices.rows.map((r) => r.pathwayId)));
    }
  });

  it("Mine pasienter, with and without a search", async () => {
    const { clinician, pathways } = await setup();
    const rows = await listOwnPathways(clinician, { q: "" });
    expect(rows.length).toBeGreaterThan(1);
    expect((await lastAudit(clinician, "PATIENT_LIST_VIEWED")).patientIds).toEqual(await patientsOf(rows.map((r) => r.id)));

    const [one] = await db().pathway.findMany({ where: { id: pathways[0].id }, include: { patient: true } });
    const found = await listOwnPathways(clinician, { q: one.patient.name });
    expect(found.map((r) => r.id)).toEqual([one.id]);
    expect((await lastAudit(clinician, "PATIENT_LIST_VIEWED")).patientIds).toEqual([one.patientId]);
  });
});
