import bcrypt from "bcryptjs";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ROLES, type Role } from "@/domain/permissions";
import type { Actor } from "@/server/auth/current-user";
import { resolveSession } from "@/server/auth/session-user";
import { startSession } from "@/server/auth/sessions";
import { viaPg } from "@/server/sql";
import { pgPool } from "@/server/db";
import { createUser, getUser, listUsers, resetPassword, updateUser } from "@/server/admin/users/service";
import { createClient } from "@/server/clients/create";
import { createUnit, setUnitActive, updateUnit } from "@/server/admin/units/service";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Administration of users and units (issue 18): the services the pages' server
// actions call, and the API routes over the same services. Only "who is signed
// in" is supplied to the routes, as the session cookie would.

let current: Actor | null = null;
vi.mock("@/server/auth/guard", async () => (await import("./support/signed-in")).signedInGuard(() => current));

const { db } = useAppDatabase();
let admin: Actor;
let dps: string;
let bup: string;

beforeAll(async () => {
  dps = (await makeUnit(db(), "DPS")).id;
  bup = (await makeUnit(db(), "BUP")).id;
  admin = await makeActor(db(), "ADMIN", []);
});

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const usersRoute = () => import("../../app/api/v1/admin/users/route");
const userRoute = () => import("../../app/api/v1/admin/users/[id]/route");
const unitsRoute = () => import("../../app/api/v1/admin/units/route");

async function call(as: Actor | null, handler: Handler, method: string, url: string, body?: unknown, params: Record<string, string> = {}) {
  current = as;
  const response = await handler(
    new Request(`http://localhost${url}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve(params) },
  );
  return { status: response.status, body: await response.json() };
}

let n = 0;
const email = () => `ny.bruker.${Date.now().toString(36)}${n++}@test.invalid`;
const auditOf = (action: string, userId: string) =>
  db().auditEvent.findMany({ where: { action: action as never, detail: { path: ["userId"], equals: userId } }, orderBy: { id: "asc" } });

describe("API: administrator session only", () => {
  it("every role but ADMIN is refused on every admin route (403), and nobody signed in gets 401", async () => {
    const { GET: listUsers, POST: postUser } = await usersRoute();
    const { PATCH } = await userRoute();
    const { GET: listUnits, POST: postUnit } = await unitsRoute();
    const target = await makeActor(db(), "CLINICIAN", [dps]);
    for (const role of ROLES.filter((r) => r !== "ADMIN")) {
      const as = await makeActor(db(), role, role === "PRIVACY_OFFICER" ? [] : [dps]);
      const results = [
        await call(as, listUsers, "GET", "/api/v1/admin/users"),
        await call(as, postUser, "POST", "/api/v1/admin/users", { name: "Ola Nordmann", email: email(), role: "ADMIN", unitIds: [] }),
        await call(as, PATCH, "PATCH", `/api/v1/admin/users/${target.user.id}`, { role: "ADMIN", unitIds: [] }, { id: target.user.id }),
        await call(as, listUnits, "GET", "/api/v1/admin/units"),
        await call(as, postUnit, "POST", "/api/v1/admin/units", { name: `Ny enhet ${n++}`, code: `NY-${n++}`, kind: "DPS", setting: "DOGN", pathwayTypes: ["D11"] }),
      ];
      expect(results.map((r) => r.status), role).toEqual([403, 403, 403, 403, 403]);
    }
    expect((await call(null, listUsers, "GET", "/api/v1/admin/users")).status).toBe(401);
    // nothing changed
    expect((await db().user.findUniqueOrThrow({ where: { id: target.user.id } })).role).toBe("CLINICIAN");
  });

  it("an administrator creates, lists and changes a user, and lists and creates units", async () => {
    const { GET: listUsers, POST: postUser } = await usersRoute();
    const { PATCH } = await userRoute();
    const { GET: listUnits, POST: postUnit } = await unitsRoute();
    const address = email();
    const created = await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "Kari Behandler", email: address.toUpperCase(), role: "CLINICIAN", unitIds: [bup], password: "et-langt-passord" });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const stored = await db().user.findUniqueOrThrow({ where: { id }, include: { units: true } });
    expect(stored).toMatchObject({ email: address, role: "CLINICIAN", active: true });
    expect(stored.units.map((u) => u.unitId)).toEqual([bup]);
    expect(await bcrypt.compare("et-langt-passord", stored.passwordHash!)).toBe(true);

    const listed = await call(admin, listUsers, "GET", `/api/v1/admin/users?q=${encodeURIComponent("kari beh")}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((u: { id: string }) => u.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toMatch(/passwordHash|\$2[aby]\$/);

    const changed = await call(admin, PATCH, "PATCH", `/api/v1/admin/users/${id}`, { role: "COORDINATOR", unitIds: [dps, bup] }, { id });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, role: "COORDINATOR", unitIds: [dps, bup].sort(), active: true, ssoOnly: false });

    const unit = await call(admin, postUnit, "POST", "/api/v1/admin/units", { name: "Fjellby BUP døgn", code: "bup-fd", kind: "BUP", setting: "DOGN", pathwayTypes: ["D12", "D08"] });
    expect(unit.status).toBe(201);
    const units = await call(admin, listUnits, "GET", "/api/v1/admin/units");
    expect(units.body.items).toContainEqual({ id: unit.body.id, name: "Fjellby BUP døgn", code: "BUP-FD", kind: "BUP", setting: "DOGN", pathwayTypes: ["D12", "D08"], active: true, codesRecordedIn: "FORLOPSVAKT" });
  });

  it("bad input is 422 with Norwegian field messages; a taken e-mail or unit code is 409 with a clear message, never 5xx", async () => {
    const { POST: postUser } = await usersRoute();
    const { PATCH } = await userRoute();
    const { POST: postUnit } = await unitsRoute();
    const bad = await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "", email: "ikke-en-adresse", role: "SUPERUSER", unitIds: "x", password: "kort" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.fieldErrors).sort()).toEqual(["email", "name", "password", "role", "unitIds"]);
    expect(JSON.stringify(bad.body)).not.toMatch(/Invalid|expected|Required/);

    const noUnit = await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "Uten Enhet", email: email(), role: "CLINICIAN", unitIds: [] });
    expect(noUnit).toMatchObject({ status: 422, body: { fieldErrors: { unitIds: ["Velg minst én enhet for denne rollen."] } } });
    const unknownUnit = await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "Feil Enhet", email: email(), role: "CLINICIAN", unitIds: ["finnes-ikke"] });
    expect(unknownUnit).toMatchObject({ status: 422, body: { fieldErrors: { unitIds: ["Velg blant de aktive enhetene."] } } });

    const address = email();
    expect((await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "Første", email: address, role: "LEADER", unitIds: [dps] })).status).toBe(201);
    const twice = await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "Andre", email: ` ${address.toUpperCase()} `, role: "LEADER", unitIds: [dps] });
    expect(twice).toMatchObject({ status: 409, body: { error: "email_taken", message: "Det finnes allerede en bruker med denne e-postadressen." } });

    expect((await call(admin, PATCH, "PATCH", "/api/v1/admin/users/finnes-ikke", { active: false }, { id: "finnes-ikke" })).status).toBe(404);
    expect((await call(admin, PATCH, "PATCH", `/api/v1/admin/users/${admin.user.id}`, { active: "nei" }, { id: admin.user.id })).status).toBe(422);

    const unit = { name: `Enhet ${n++}`, code: `KODE-${n++}`, kind: "TSB", setting: "POLIKLINIKK", pathwayTypes: ["D01"] };
    expect((await call(admin, postUnit, "POST", "/api/v1/admin/units", unit)).status).toBe(201);
    const sameCode = await call(admin, postUnit, "POST", "/api/v1/admin/units", { ...unit, name: `Annen ${n++}`, code: unit.code.toLowerCase() });
    expect(sameCode).toMatchObject({ status: 409, body: { error: "code_taken", message: "En annen enhet har allerede denne koden." } });
    const badUnit = await call(admin, postUnit, "POST", "/api/v1/admin/units", { name: "x", code: "!", kind: "SYKEHUS", setting: "HJEMME", pathwayTypes: [] });
    expect(badUnit.status).toBe(422);
    expect(Object.keys(badUnit.body.fieldErrors).sort()).toEqual(["code", "kind", "name", "pathwayTypes", "setting"]);
  });
});

describe("API: the HPR number (HelseID logins match on it)", () => {
  it("is set at creation and by PATCH (spaces dropped), shown, cleared with null or empty; must be 4–9 digits and unique (409)", async () => {
    const { POST: postUser } = await usersRoute();
    const { PATCH } = await userRoute();
    const created = await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "Hanne Helse", email: email(), role: "CLINICIAN", unitIds: [dps], hprNumber: "914 4900" });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await db().user.findUniqueOrThrow({ where: { id } })).toMatchObject({ hprNumber: "9144900" });
    const cleared = await call(admin, PATCH, "PATCH", `/api/v1/admin/users/${id}`, { hprNumber: "" }, { id });
    expect(cleared).toMatchObject({ status: 200, body: { hprNumber: null } });
    const set = await call(admin, PATCH, "PATCH", `/api/v1/admin/users/${id}`, { hprNumber: "565501872" }, { id });
    expect(set).toMatchObject({ status: 200, body: { hprNumber: "565501872" } });
    const audits = await auditOf("USER_UPDATED", id);
    const hprOf = (side: unknown) => (side as { hprNumber: string | null }).hprNumber;
    expect(audits.map(({ detail }) => detail as { before: unknown; after: unknown }).map((d) => [hprOf(d.before), hprOf(d.after)])).toEqual([["9144900", null], [null, "565501872"]]);

    for (const hprNumber of ["12a4567", "123", "1234567890", 1234567]) {
      const bad = await call(admin, PATCH, "PATCH", `/api/v1/admin/users/${id}`, { hprNumber }, { id });
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.body.fieldErrors)).toEqual(["hprNumber"]);
    }
    const other = await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "Annen Helse", email: email(), role: "CLINICIAN", unitIds: [dps], hprNumber: "565501872" });
    expect(other).toMatchObject({ status: 409, body: { error: "hpr_taken", message: "En annen bruker har allerede dette HPR-nummeret." } });
    const made = await call(admin, postUser, "POST", "/api/v1/admin/users", { name: "Tredje Helse", email: email(), role: "CLINICIAN", unitIds: [dps] });
    const taken = await call(admin, PATCH, "PATCH", `/api/v1/admin/users/${made.body.id}`, { hprNumber: "565501872" }, { id: made.body.id });
    expect(taken).toMatchObject({ status: 409, body: { error: "hpr_taken" } });
    // the database refuses anything but digits whoever writes
    await expect(db().user.update({ where: { id }, data: { hprNumber: "12-34" } })).rejects.toThrow();
  });
});

describe("services: audit rows with before and after, never a password", () => {
  it("creating with a generated password returns it once; the audit row holds no password or hash", async () => {
    const made = await createUser(admin, { name: "Per Startpassord", email: email(), role: "CLINICIAN", unitIds: [dps] }, "password");
    expect(made.password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const stored = await db().user.findUniqueOrThrow({ where: { id: made.id } });
    expect(await bcrypt.compare(made.password!, stored.passwordHash!)).toBe(true);
    const [audit] = await auditOf("USER_CREATED", made.id);
    expect(audit).toMatchObject({ userId: admin.user.id, detail: { before: null, after: { role: "CLINICIAN", unitIds: [dps], active: true, ssoOnly: false } } });

    const reset = await resetPassword(admin, made.id);
    expect(reset.password).not.toBe(made.password);
    const [resetAudit] = await auditOf("USER_PASSWORD_RESET", made.id);
    expect(resetAudit.detail).toEqual({ userId: made.id, before: { ssoOnly: false }, after: { ssoOnly: false } });
    const all = JSON.stringify((await db().auditEvent.findMany({ where: { detail: { path: ["userId"], equals: made.id } } })).map((a) => a.detail));
    expect(all).not.toContain(made.password!);
    expect(all).not.toContain(reset.password);
    expect(all).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("a single-sign-on-only user has no usable password", async () => {
    const made = await createUser(admin, { name: "Siri SSO", email: email(), role: "LEADER", unitIds: [dps] }, "sso");
    expect(made.password).toBeNull();
    const stored = await db().user.findUniqueOrThrow({ where: { id: made.id } });
    // no hash at all: the password login refuses such a user before comparing (login.integration)
    expect(stored.passwordHash).toBeNull();
  });

  it("a machine client's principal (an inactive user row) is never listed, shown, reactivated or given a password", async () => {
    const { id } = await createClient(admin, { name: "EPJ prinsipal", unitIds: [dps], scopes: ["events:write"] });
    const { principalUserId } = await db().machineClient.findUniqueOrThrow({ where: { id } });
    expect((await listUsers(admin, { q: "EPJ prinsipal" })).map((u) => u.id)).not.toContain(principalUserId);
    await expect(getUser(admin, principalUserId)).rejects.toMatchObject({ status: 404 });
    await expect(updateUser(admin, principalUserId, { active: true })).rejects.toMatchObject({ status: 404 });
    await expect(resetPassword(admin, principalUserId)).rejects.toMatchObject({ status: 404 });
    expect(await db().user.findUniqueOrThrow({ where: { id: principalUserId } })).toMatchObject({ active: false, passwordHash: null });
  });

  it("a change audits before and after", async () => {
    const { user } = await makeActor(db(), "CLINICIAN", [dps]);
    await updateUser(admin, user.id, { role: "LEADER", unitIds: [dps, bup] });
    const [audit] = await auditOf("USER_UPDATED", user.id);
    expect(audit.detail).toMatchObject({ before: { role: "CLINICIAN", unitIds: [dps], active: true }, after: { role: "LEADER", unitIds: [dps, bup].sort(), active: true } });
  });

  it("an administrator cannot deactivate themselves or remove the last active administrator", async () => {
    // this file's own administrators: make `admin` the only active one
    await db().user.updateMany({ where: { role: "ADMIN", id: { not: admin.user.id } }, data: { active: false } });
    await expect(updateUser(admin, admin.user.id, { active: false })).rejects.toMatchObject({ status: 422, message: "Du kan ikke deaktivere deg selv." });
    await expect(updateUser(admin, admin.user.id, { role: "LEADER", unitIds: [dps] })).rejects.toMatchObject({
      status: 422,
      message: "Dette er den siste aktive administratoren. Gi en annen bruker rollen administrator først.",
    });
    // with a second administrator, the first may step down; the second may not then deactivate the first... only the last
    const second = await makeActor(db(), "ADMIN", []);
    await updateUser(second, admin.user.id, { role: "LEADER", unitIds: [dps] });
    await expect(updateUser(second, second.user.id, { role: "CLINICIAN", unitIds: [dps] })).rejects.toMatchObject({ status: 422 });
    await updateUser(second, admin.user.id, { role: "ADMIN" });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.user.id }, include: { units: true } })).units).toEqual([]);
  });

  it("units: edit and deactivate audit before and after; deactivation is refused while a pathway is open, and a deactivated unit takes no new referral", async () => {
    const { id } = await createUnit(admin, { name: `Deaktiveres ${n++}`, code: `DEA-${n++}`, kind: "DPS", setting: "POLIKLINIKK", pathwayTypes: ["D11"] });
    await updateUnit(admin, id, { name: `Omdøpt ${n++}`, code: `OMD-${n++}`, kind: "DPS", setting: "DOGN", pathwayTypes: ["D11", "D06"] });
    const coordinator = await makeActor(db(), "COORDINATOR", [id]);
    const pathway = await makePathway(db(), id, coordinator.user.id);
    await expect(setUnitActive(admin, id, false)).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^Enheten kan ikke deaktiveres: den har 1 åpent forløp( og 1 henvisning som ikke er vurdert)?\. Avslutt dem først\.$/),
    });
    await db().pathway.update({ where: { id: pathway.id }, data: { status: "CLOSED" } });
    await db().referral.updateMany({ where: { unitId: id }, data: { assessedDate: new Date("2026-09-02T00:00:00Z"), decision: "NEED_NO_RIGHT" } });
    await setUnitActive(admin, id, false);
    const audits = await db().auditEvent.findMany({ where: { action: "UNIT_UPDATED", detail: { path: ["unitId"], equals: id } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [(a.detail as { before: { active: boolean } }).before.active, (a.detail as { after: { active: boolean; setting: string } }).after.active])).toEqual([[true, true], [true, false]]);
    expect((audits[0].detail as { after: { setting: string } }).after.setting).toBe("DOGN");

    const { registerReferral } = await import("@/server/referrals/register");
    const { makeNationalId } = await import("@/domain/national-id");
    const { registerReferralBody } = await import("@/server/referrals/schema");
    await expect(
      registerReferral(coordinator, registerReferralBody.parse({ nationalId: makeNationalId("1990-01-02", 123, { synthetic: true }), patientName: "Ny Pasient", unitId: id, receivedDate: "2026-11-20", referrerName: "Fastlege" }), "2026-11-20"),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { unitId: ["Enheten er deaktivert og tar ikke imot nye henvisninger eller forløp."] } });
    // and is no choice for a new user
    await expect(createUser(admin, { name: "Til Deaktivert", email: email(), role: "CLINICIAN", unitIds: [id] })).rejects.toMatchObject({ status: 422 });
  });
});

describe("a change takes effect on the user's very next request, with a live session cookie", () => {
  const SECRET = "test-secret-not-for-production-0123456789";
  const NAME = "authjs.session-token";

  async function signedIn(role: Role, unitIds: string[]) {
    process.env.AUTH_SECRET = SECRET;
    const { user } = await makeActor(db(), role, unitIds);
    const now = new Date();
    const sid = (await startSession(user.id, now))!;
    const value = await encode({ token: { sub: user.id, sid, loginAt: Math.floor(now.getTime() / 1000) }, secret: SECRET, salt: NAME });
    const sql = viaPg(pgPool(db()), { prepared: true });
    // the same read every page, action and API request makes (getCurrentSession), cookie cache and all
    const request = async () => (await resolveSession((name) => (name === NAME ? value : undefined), [NAME], new Date(), sql))?.user ?? null;
    return { user, request };
  }

  it("deactivated: the next request has no user, and reactivation does not revive the cookie", async () => {
    const { user, request } = await signedIn("CLINICIAN", [bup]);
    expect((await request())?.id).toBe(user.id);
    expect((await request())?.id).toBe(user.id);
    await updateUser(admin, user.id, { active: false });
    expect(await request()).toBeNull();
    await updateUser(admin, user.id, { active: true });
    expect(await request()).toBeNull();
  });

  it("role and units changed: the next request sees the new role and units", async () => {
    const { user, request } = await signedIn("CLINICIAN", [bup]);
    expect(await request()).toMatchObject({ id: user.id, role: "CLINICIAN", unitIds: [bup] });
    await updateUser(admin, user.id, { role: "COORDINATOR", unitIds: [dps] });
    expect(await request()).toMatchObject({ id: user.id, role: "COORDINATOR", unitIds: [dps] });
    await updateUser(admin, user.id, { role: "PRIVACY_OFFICER" });
    expect(await request()).toMatchObject({ id: user.id, role: "PRIVACY_OFFICER", unitIds: [] });
  });

  it("a new password ends the user's sessions", async () => {
    const { user, request } = await signedIn("LEADER", [dps]);
    expect((await request())?.id).toBe(user.id);
    await resetPassword(admin, user.id);
    expect(await request()).toBeNull();
  });
});
