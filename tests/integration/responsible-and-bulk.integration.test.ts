import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/current-user";
import { updateUser } from "@/server/admin/users/service";
import { ValidationError } from "@/server/errors";
import { assignClinician, assignClinicianBulk } from "@/server/pathways/assign";
import { recomputeDerived } from "@/server/pathways/derived";
import { unitChoicesFor, unitOptionsFor } from "@/server/units/options";
import { NOT_RESPONSIBLE_MESSAGE } from "@/server/users/responsible";
import { postponeItem } from "@/server/worklist/row-actions";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Issue 17: who may be "ansvarlig behandler" (clinicians, and coordinators the
// administrator marks so), assigning selected worklist rows at once, and
// undoing a postponement through the API.

let current: Actor | null = null;
vi.mock("@/server/auth/guard", async () => (await import("./support/signed-in")).signedInGuard(() => current));
const TODAY = "2026-11-22";
process.env.FORLOPSVAKT_TODAY = TODAY;
const { db } = useAppDatabase();

async function setup() {
  const unit = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const admin = await makeActor(db(), "ADMIN", []);
  const pathway = async (unitId = unit.id) => {
    const p = await makePathway(db(), unitId, coordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-10-01"]]);
    await recomputeDerived(db(), p.id, TODAY);
    return p;
  };
  return { unit, coordinator, clinician, admin, pathway };
}

const responsibleOf = async (id: string) => (await db().pathway.findUniqueOrThrow({ where: { id } })).responsibleClinicianId;
const post = async (route: Promise<{ POST: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response> }>, url: string, body?: unknown, params: Record<string, string> = {}) =>
  (await route).POST(new Request(`http://localhost${url}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });

describe("who may be responsible for patients", () => {
  it("lists clinicians, and a coordinator only once the administrator marks them; the change is audited before/after", async () => {
    const { unit, coordinator, clinician, admin } = await setup();
    const listed = async () => (await unitOptionsFor(coordinator)).find((u) => u.id === unit.id)!.clinicians.map((c) => c.id);
    expect(await listed()).toEqual([clinician.user.id]);

    const changed = await updateUser(admin, coordinator.user.id, { mayBeResponsible: true });
    expect(changed.mayBeResponsible).toBe(true);
    expect((await listed()).sort()).toEqual([clinician.user.id, coordinator.user.id].sort());
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "USER_UPDATED", userId: admin.user.id }, orderBy: { id: "desc" } });
    expect(audit.detail).toMatchObject({ userId: coordinator.user.id, before: { mayBeResponsible: false }, after: { mayBeResponsible: true } });
  });

  it("the worklist's unit choices: unitOptionsFor's units, and the filter's clinician only when listed there", async () => {
    const { unit, coordinator, clinician, admin } = await setup();
    const second = await makeUnit(db());
    await db().userUnit.create({ data: { userId: coordinator.user.id, unitId: second.id } });
    const elsewhere = await makeActor(db(), "CLINICIAN", [(await makeUnit(db())).id]);
    const actor = { ...coordinator, user: { ...coordinator.user, unitIds: [unit.id, second.id] } };
    const options = await unitOptionsFor(actor);
    // what the page took from unitOptionsFor: the units, and the chosen clinician among their clinicians
    const expected = (id: string | undefined) => ({
      units: options.map((u) => ({ id: u.id, name: u.name, codesRecordedIn: u.codesRecordedIn })),
      chosen: options.flatMap((u) => u.clinicians).find((c) => c.id === id) ?? null,
    });
    for (const id of [undefined, "ingen", clinician.user.id, coordinator.user.id, elsewhere.user.id, admin.user.id])
      expect(await unitChoicesFor(actor, id), String(id)).toEqual(expected(id));
    expect((await unitChoicesFor(actor, clinician.user.id)).chosen).toEqual({ id: clinician.user.id, name: clinician.user.name });
    expect(options.length).toBe(2);

    await updateUser(admin, coordinator.user.id, { mayBeResponsible: true });
    expect((await unitChoicesFor(actor, coordinator.user.id)).chosen?.id).toBe(coordinator.user.id);
  });

  it("refuses to assign a coordinator not marked, with a Norwegian message; assigns once marked", async () => {
    const { coordinator, admin, pathway } = await setup();
    const p = await pathway();
    const refused = assignClinician(coordinator, { pathwayId: p.id, clinicianId: coordinator.user.id });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { clinicianId: [NOT_RESPONSIBLE_MESSAGE] } });
    expect(await responsibleOf(p.id)).toBeNull();
    expect(await db().auditEvent.count({ where: { pathwayId: p.id, action: "PATHWAY_ASSIGNED" } })).toBe(0);

    await updateUser(admin, coordinator.user.id, { mayBeResponsible: true });
    await assignClinician(coordinator, { pathwayId: p.id, clinicianId: coordinator.user.id });
    expect(await responsibleOf(p.id)).toBe(coordinator.user.id);
  });

  it("the administration's API takes the flag (PATCH /api/v1/admin/users/{id})", async () => {
    const { coordinator, admin } = await setup();
    current = admin;
    const { PATCH } = await import("../../app/api/v1/admin/users/[id]/route");
    const patch = (body: unknown) =>
      PATCH(new Request(`http://localhost/api/v1/admin/users/${coordinator.user.id}`, { method: "PATCH", body: JSON.stringify(body) }), { params: Promise.resolve({ id: coordinator.user.id }) });
    const ok = await patch({ mayBeResponsible: true });
    expect(ok.status).toBe(200);
    expect((await ok.json()).mayBeResponsible).toBe(true);
    const bad = await patch({ mayBeResponsible: "ja" });
    expect(bad.status).toBe(422);
    expect((await db().user.findUniqueOrThrow({ where: { id: coordinator.user.id } })).mayBeResponsible).toBe(true);
  });
});

describe("assigning selected worklist rows at once", () => {
  it("assigns every pathway in one go, one audit row each (POST /api/v1/worklist/assign)", async () => {
    const { coordinator, clinician, pathway } = await setup();
    const [a, b] = [await pathway(), await pathway()];
    current = coordinator;
    const response = await post(import("../../app/api/v1/worklist/assign/route"), "/api/v1/worklist/assign", { pathwayIds: [a.id, b.id], clinicianId: clinician.user.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ pathwayIds: [a.id, b.id], clinicianId: clinician.user.id, count: 2 });
    expect([await responsibleOf(a.id), await responsibleOf(b.id)]).toEqual([clinician.user.id, clinician.user.id]);
    const items = await db().worklistItem.findMany({ where: { pathwayId: { in: [a.id, b.id] } }, select: { responsibleClinicianId: true } });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.responsibleClinicianId === clinician.user.id)).toBe(true);
    const audits = await db().auditEvent.findMany({ where: { action: "PATHWAY_ASSIGNED", userId: coordinator.user.id, pathwayId: { in: [a.id, b.id] } } });
    expect(audits.map((x) => [x.pathwayId, x.patientId, x.detail]).sort()).toEqual(
      [[a.id, a.patientId, { from: null, to: clinician.user.id }], [b.id, b.patientId, { from: null, to: clinician.user.id }]].sort(),
    );
  });

  it("changes nothing when one pathway is in another unit (404, audited as denied)", async () => {
    const { coordinator, clinician, pathway } = await setup();
    const other = await makeUnit(db());
    const [mine, foreign] = [await pathway(), await pathway(other.id)];
    await expect(assignClinicianBulk(coordinator, { pathwayIds: [mine.id, foreign.id], clinicianId: clinician.user.id })).rejects.toMatchObject({ status: 404 });
    expect([await responsibleOf(mine.id), await responsibleOf(foreign.id)]).toEqual([null, null]);
    expect(await db().auditEvent.count({ where: { action: "PATHWAY_ASSIGNED", pathwayId: { in: [mine.id, foreign.id] } } })).toBe(0);
    expect(await db().auditEvent.count({ where: { userId: coordinator.user.id, action: "ACCESS_DENIED", pathwayId: foreign.id } })).toBe(1);
  });

  it("changes nothing when the clinician may not be responsible at one of the pathways' units", async () => {
    const { unit, coordinator, pathway } = await setup();
    const second = await makeUnit(db());
    await db().userUnit.create({ data: { userId: coordinator.user.id, unitId: second.id } });
    const actor = { ...coordinator, user: { ...coordinator.user, unitIds: [unit.id, second.id] } };
    const onlyFirst = await makeActor(db(), "CLINICIAN", [unit.id]);
    const [a, b] = [await pathway(), await pathway(second.id)];
    await expect(assignClinicianBulk(actor, { pathwayIds: [a.id, b.id], clinicianId: onlyFirst.user.id })).rejects.toBeInstanceOf(ValidationError);
    // a coordinator not marked as may be responsible: refused for all
    await expect(assignClinicianBulk(actor, { pathwayIds: [a.id], clinicianId: coordinator.user.id })).rejects.toMatchObject({ fieldErrors: { clinicianId: [NOT_RESPONSIBLE_MESSAGE] } });
    expect([await responsibleOf(a.id), await responsibleOf(b.id)]).toEqual([null, null]);
  });

  it("refuses a pathway twice, an empty list and more than 200, in Norwegian (422, never 5xx)", async () => {
    const { coordinator, clinician, pathway } = await setup();
    const a = await pathway();
    current = coordinator;
    const route = import("../../app/api/v1/worklist/assign/route");
    for (const pathwayIds of [[a.id, a.id], [], Array.from({ length: 201 }, (_, i) => `p${i}`)]) {
      const response = await post(route, "/api/v1/worklist/assign", { pathwayIds, clinicianId: clinician.user.id });
      expect(response.status).toBe(422);
      expect(JSON.stringify(await response.json())).toMatch(/én gang|minst én|Høyst 200/);
    }
    expect((await post(route, "/api/v1/worklist/assign", "tull")).status).toBe(422);
    expect(await responsibleOf(a.id)).toBeNull();
  });

  it("clinicians may not assign", async () => {
    const { clinician, pathway } = await setup();
    const a = await pathway();
    current = clinician;
    const response = await post(import("../../app/api/v1/worklist/assign/route"), "/api/v1/worklist/assign", { pathwayIds: [a.id], clinicianId: clinician.user.id });
    expect(response.status).toBe(403);
    expect(await responsibleOf(a.id)).toBeNull();
  });
});

describe("POST /api/v1/worklist/postponements/{id}/undo", () => {
  it("undoes by the postponement's id, audited; a second undo is 409; another unit's coordinator gets 404", async () => {
    const { coordinator, pathway } = await setup();
    const p = await pathway();
    const key = "deadline:basis_assessment:2026-10-01";
    await postponeItem(coordinator, { pathwayId: p.id, itemKey: key, until: "2026-12-01", reason: "Venter på epikrise" }, TODAY);
    const { id } = await db().worklistPostponement.findFirstOrThrow({ where: { pathwayId: p.id } });
    const route = import("../../app/api/v1/worklist/postponements/[id]/undo/route");
    const undo = () => post(route, `/api/v1/worklist/postponements/${id}/undo`, undefined, { id });

    current = await makeActor(db(), "COORDINATOR", [(await makeUnit(db())).id]);
    expect((await undo()).status).toBe(404);
    expect((await db().worklistPostponement.findUniqueOrThrow({ where: { id } })).undoneAt).toBeNull();

    current = coordinator;
    const done = await undo();
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ pathwayId: p.id, itemKey: key });
    expect((await db().worklistPostponement.findUniqueOrThrow({ where: { id } })).undoneById).toBe(coordinator.user.id);
    expect(await db().auditEvent.count({ where: { pathwayId: p.id, action: "WORKLIST_POSTPONEMENT_UNDONE" } })).toBe(1);

    const again = await undo();
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain("not_postponed");
    expect((await post(route, "/api/v1/worklist/postponements/finnesikke/undo", undefined, { id: "finnesikke" })).status).toBe(404);
  });
});
