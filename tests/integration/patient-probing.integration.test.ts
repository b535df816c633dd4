import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import type { Role } from "@/domain/permissions";
import type { Actor } from "@/server/auth/current-user";
import type { CreatePathwayInput } from "@/server/pathways/create-schema";
import { makeActor, makeUnit, useAppDatabase } from "./support/app-db";

// Issue 13, item 2: creating a pathway with a national id must not tell a user
// whether the id is a patient in another unit, must not show that unit's
// record, and every lookup and link is audited. Through the server action the
// form calls (createPathwayAction); only "who is logged in" is supplied here,
// as the session cookie would.

let current: Actor | null = null;
vi.mock("@/server/auth/guard", async () => (await import("./support/signed-in")).signedInGuard(() => current));
process.env.FORLOPSVAKT_TODAY = "2026-11-20";

const { createPathwayAction } = await import("@/features/new-pathway/actions");
const { db } = useAppDatabase();

let birth = 0;
/** A fresh synthetic national id per call. */
function freshId(): string {
  birth++;
  return makeNationalId(`19${50 + (birth % 40)}-0${1 + (birth % 9)}-${String(10 + (birth % 18)).padStart(2, "0")}`, 100 + birth, { synthetic: true });
}

let otherUnit: { id: string };
let myUnit: { id: string };
const REGISTERED_NAME = "Kari Nordmann";

/** A patient with an open D11 pathway in the other unit only. */
async function patientElsewhere(): Promise<{ nationalId: string; patientId: string }> {
  const nationalId = freshId();
  const other = await makeActor(db(), "COORDINATOR", [otherUnit.id]);
  current = other;
  const made = await createPathwayAction(input(nationalId, REGISTERED_NAME, otherUnit.id));
  if (!made.ok) throw new Error(made.message);
  const pathway = await db().pathway.findUniqueOrThrow({ where: { id: made.pathwayId } });
  return { nationalId, patientId: pathway.patientId };
}

/** The form's fields; the name may be missing, as a hostile or careless caller sends it. */
function input(nationalId: string, patientName: string | undefined, unitId = myUnit.id, extra: Record<string, unknown> = {}): CreatePathwayInput {
  return {
    nationalId,
    patientName,
    unitId,
    type: "D11" as const,
    referralReceived: "2026-11-02",
    referrerName: "Fastlege Hansen",
    ...extra,
  } as CreatePathwayInput;
}

/** What a user gets back, without the ids that differ per call. */
function answer(result: Awaited<ReturnType<typeof createPathwayAction>>) {
  return result.ok ? { ok: true } : result;
}

beforeAll(async () => {
  otherUnit = await makeUnit(db());
  myUnit = await makeUnit(db());
});

const CREATORS: Role[] = ["CLINICIAN", "COORDINATOR"];

describe.each(CREATORS)("%s creating a pathway with a national id known only in another unit", (role) => {
  let me: Actor;
  beforeAll(async () => {
    me = await makeActor(db(), role, [myUnit.id]);
  });

  it("gets the same answer as for an unknown id, whatever is wrong or right with the rest of the form", async () => {
    const cases: [string | undefined, Record<string, unknown>][] = [
      [undefined, {}], // no name typed
      ["K", {}], // too short a name
      ["Kari Nordman", { assessedDate: "2026-11-19" }], // assessed late without a justification: rolls back
      ["Kari Nordman", { type: "D12" }], // a type the unit does not run
      ["Kari Nordman", {}], // created
    ];
    for (const [name, extra] of cases) {
      const known = await patientElsewhere();
      current = me;
      const forKnown = answer(await createPathwayAction(input(known.nationalId, name, myUnit.id, extra)));
      const forUnknown = answer(await createPathwayAction(input(freshId(), name, myUnit.id, extra)));
      expect(forKnown, JSON.stringify([name, extra])).toEqual(forUnknown);
    }
  });

  it("keeps the typed name and never shows the other unit's name when the names differ", async () => {
    const known = await patientElsewhere();
    current = me;
    const result = await createPathwayAction(input(known.nationalId, "Kari Nordman"));
    expect(JSON.stringify(result)).not.toContain(REGISTERED_NAME);
    if (!result.ok) throw new Error(result.message);
    const { getPathwayDetail } = await import("@/server/pathways/detail");
    const { pathwayDetailJson } = await import("@/server/api/pathway-json");
    const { listOwnPathways } = await import("@/server/pathways/own-list");
    const detail = pathwayDetailJson(await getPathwayDetail(me, result.pathwayId, "2026-11-20"));
    expect(detail.pathway.patient.name).toBe("Kari Nordman");
    expect(JSON.stringify(detail)).not.toContain(REGISTERED_NAME);
    // the same person: the national id is the identity
    expect(detail.pathway.patient.id).toBe(known.patientId);
    // a search for the other unit's spelling does not find it either
    await db().pathway.update({ where: { id: result.pathwayId }, data: { responsibleClinicianId: me.user.id } });
    expect((await listOwnPathways(me, { q: "Nordmann" })).map((r) => r.id)).not.toContain(result.pathwayId);
    expect((await listOwnPathways(me, { q: "Nordman" })).map((r) => r.patientName)).toContain("Kari Nordman");
  });

  it("audits the lookup with the matched patient even when the creation rolls back, and the link step", async () => {
    const known = await patientElsewhere();
    current = me;
    const failed = await createPathwayAction(input(known.nationalId, "Kari Nordmann", myUnit.id, { assessedDate: "2026-11-19" }));
    expect(failed).toMatchObject({ ok: false, code: "justification_required" });
    const afterFailure = await db().auditEvent.findMany({ where: { userId: me.user.id, patientId: known.patientId } });
    expect(afterFailure.map((a) => [a.action, a.detail])).toEqual([
      ["PATIENT_LOOKUP", { purpose: "pathway.create", unitId: myUnit.id, matched: true }],
    ]);

    const created = await createPathwayAction(input(known.nationalId, "  kari   NORDMANN "));
    if (!created.ok) throw new Error(created.message);
    const rows = await db().auditEvent.findMany({ where: { userId: me.user.id, patientId: known.patientId }, orderBy: { id: "asc" } });
    expect(rows.map((a) => [a.action, a.pathwayId, a.detail])).toEqual([
      ["PATIENT_LOOKUP", null, { purpose: "pathway.create", unitId: myUnit.id, matched: true }],
      ["PATIENT_LOOKUP", null, { purpose: "pathway.create", unitId: myUnit.id, matched: true }],
      ["PATHWAY_CREATED", created.pathwayId, expect.anything()],
      ["PATIENT_LINKED", created.pathwayId, { unitId: myUnit.id, nameMatched: true, knownInUnits: false }],
    ]);
    // a matching name (case and spaces aside) links silently: no discrepancy
    expect((await db().pathway.findUniqueOrThrow({ where: { id: created.pathwayId } })).recordedPatientName).toBeNull();
    // the national id is in no audit row
    const all = await db().auditEvent.findMany({ where: { userId: me.user.id } });
    expect(JSON.stringify(all.map((a) => a.detail))).not.toContain(known.nationalId);
  });

  it("audits a lookup without a match, and a mismatched name as a discrepancy of the link", async () => {
    const unknown = freshId();
    current = me;
    await createPathwayAction(input(unknown, "Ola Ukjent", myUnit.id, { assessedDate: "2026-11-19" }));
    const lookups = await db().auditEvent.findMany({ where: { userId: me.user.id, action: "PATIENT_LOOKUP", patientId: null } });
    expect(lookups.map((a) => a.detail)).toContainEqual({ purpose: "pathway.create", unitId: myUnit.id, matched: false });
    expect(await db().patient.count({ where: { nationalId: unknown } })).toBe(0);

    const known = await patientElsewhere();
    current = me;
    const created = await createPathwayAction(input(known.nationalId, "Karin Nordmark"));
    if (!created.ok) throw new Error(created.message);
    const link = await db().auditEvent.findFirstOrThrow({ where: { action: "PATIENT_LINKED", pathwayId: created.pathwayId } });
    expect(link).toMatchObject({ userId: me.user.id, patientId: known.patientId, detail: { unitId: myUnit.id, nameMatched: false, knownInUnits: false } });
    expect(await db().pathway.findUniqueOrThrow({ where: { id: created.pathwayId } })).toMatchObject({ recordedPatientName: "Karin Nordmark" });
    // the registered name is untouched: the other unit still sees its own
    expect(await db().patient.findUniqueOrThrow({ where: { id: known.patientId } })).toMatchObject({ name: REGISTERED_NAME });
  });
});

describe("roles that cannot create pathways", () => {
  it.each(["LEADER", "ADMIN"] as Role[])("%s is refused before any lookup", async (role) => {
    const known = await patientElsewhere();
    const actor = await makeActor(db(), role, [myUnit.id]);
    current = actor;
    expect(await createPathwayAction(input(known.nationalId, "Kari Nordmann"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db().auditEvent.count({ where: { userId: actor.user.id, action: "PATIENT_LOOKUP" } })).toBe(0);
  });
});

describe("a patient the unit already has", () => {
  it("is linked with its registered name, as before", async () => {
    const known = await patientElsewhere();
    // its pathway there is closed; the user works in both units
    await db().pathway.updateMany({ where: { patientId: known.patientId }, data: { status: "CLOSED", closedDate: new Date("2026-11-10T00:00:00Z") } });
    const both = await makeActor(db(), "CLINICIAN", [otherUnit.id, myUnit.id]);
    current = both;
    const created = await createPathwayAction(input(known.nationalId, "Kari Nordman"));
    if (!created.ok) throw new Error(created.message);
    expect(await db().pathway.findUniqueOrThrow({ where: { id: created.pathwayId } })).toMatchObject({ recordedPatientName: null });
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "PATIENT_LINKED", pathwayId: created.pathwayId } })).toMatchObject({
      detail: { nameMatched: false, knownInUnits: true },
    });
  });
});

describe("the coordinator's name check of a discrepancy", () => {
  it("resolves it when the checked name is the registered one, keeps it otherwise, and audits every check", async () => {
    const { checkPatientName } = await import("@/server/patients/name-check");
    const { ValidationError: Invalid, NotFoundError: NotFound } = await import("@/server/errors");
    const { PermissionDenied } = await import("@/server/auth/assert");
    const known = await patientElsewhere();
    const clinician = await makeActor(db(), "CLINICIAN", [myUnit.id]);
    current = clinician;
    const created = await createPathwayAction(input(known.nationalId, "Kari Nordman"));
    if (!created.ok) throw new Error(created.message);

    await expect(checkPatientName(clinician, { pathwayId: created.pathwayId, name: REGISTERED_NAME })).rejects.toBeInstanceOf(PermissionDenied);
    const elsewhere = await makeActor(db(), "COORDINATOR", [otherUnit.id]);
    await expect(checkPatientName(elsewhere, { pathwayId: created.pathwayId, name: REGISTERED_NAME })).rejects.toBeInstanceOf(NotFound);
    // another unit's pathway: the same 404, audited as a denied attempt
    expect(await db().auditEvent.count({ where: { userId: elsewhere.user.id, action: "ACCESS_DENIED", pathwayId: created.pathwayId } })).toBe(1);
    const coordinator = await makeActor(db(), "COORDINATOR", [myUnit.id]);
    await expect(checkPatientName(coordinator, { pathwayId: { not: "x" }, name: "Kari" })).rejects.toBeInstanceOf(Invalid);

    expect(await checkPatientName(coordinator, { pathwayId: created.pathwayId, name: "Kari Nordmand" })).toEqual({ resolved: false });
    expect(await db().pathway.findUniqueOrThrow({ where: { id: created.pathwayId } })).toMatchObject({ recordedPatientName: "Kari Nordmand" });
    expect(await checkPatientName(coordinator, { pathwayId: created.pathwayId, name: " kari nordmann" })).toEqual({ resolved: true });
    expect(await db().pathway.findUniqueOrThrow({ where: { id: created.pathwayId } })).toMatchObject({ recordedPatientName: null });
    // resolved: nothing left to check
    await expect(checkPatientName(coordinator, { pathwayId: created.pathwayId, name: REGISTERED_NAME })).rejects.toBeInstanceOf(NotFound);

    const checks = await db().auditEvent.findMany({ where: { userId: coordinator.user.id, action: "PATIENT_LINKED" }, orderBy: { id: "asc" } });
    expect(checks.map((c) => [c.patientId, c.pathwayId, c.detail])).toEqual([
      [known.patientId, created.pathwayId, { unitId: myUnit.id, nameMatched: false, check: true }],
      [known.patientId, created.pathwayId, { unitId: myUnit.id, nameMatched: true, check: true }],
    ]);
  });
});

describe("the new pathway's notices", () => {
  it("never tell of the patient's pathway in another unit (no CONCURRENT from another unit's open pathway)", async () => {
    const known = await patientElsewhere();
    current = await makeActor(db(), "COORDINATOR", [myUnit.id]);
    const linked = await createPathwayAction(input(known.nationalId, REGISTERED_NAME));
    const fresh = await createPathwayAction(input(freshId(), "Ola Ukjent"));
    if (!linked.ok || !fresh.ok) throw new Error("not created");
    const noticesOf = async (pathwayId: string) => [
      ...(await db().pathwayNotice.findMany({ where: { pathwayId }, select: { noticeId: true } })).map((n) => n.noticeId),
      ...(await db().worklistItem.findMany({ where: { pathwayId }, select: { reason: true } })).map((w) => w.reason),
    ].sort();
    expect(await noticesOf(linked.pathwayId)).not.toContain("CONCURRENT");
    expect(await noticesOf(linked.pathwayId)).toEqual(await noticesOf(fresh.pathwayId));
  });
});
