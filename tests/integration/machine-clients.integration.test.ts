import { createHash } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/current-user";
import { clientActor } from "@/server/clients/authenticate";
import { patientAccessLog } from "@/server/patient-access-log";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Machine clients (issue 18): an administrator creates one through the admin
// API (session), then its bearer token works on API v1 within its scopes
// (403 outside them) and units (404 outside them, as for users); an unknown or
// revoked token is 401 on the very next call; calls over the per-client limit
// are 429 with Retry-After; every call and every record it writes names the
// client, and only the token's hash is stored. The routes run for real; only
// "who is signed in" (the administrator's session) comes from the test.

let current: Actor | null = null;
vi.mock("@/server/auth/guard", async () => (await import("./support/signed-in")).signedInGuard(() => current));
process.env.FORLOPSVAKT_TODAY = "2026-11-20";

const { db } = useAppDatabase();
let admin: Actor;
let coordinator: Actor;
let dps = "";
let bup = "";
let dpsPathway = "";
let bupPathway = "";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes = {
  clients: () => import("../../app/api/v1/admin/clients/route"),
  revoke: () => import("../../app/api/v1/admin/clients/[id]/revoke/route"),
  events: () => import("../../app/api/v1/pathways/[id]/events/route"),
  pathways: () => import("../../app/api/v1/pathways/route"),
  pathway: () => import("../../app/api/v1/pathways/[id]/route"),
  worklistExplain: () => import("../../app/api/v1/worklist/explain/route"),
};

async function call(
  handler: Handler,
  url: string,
  init: { method?: string; body?: unknown; token?: string; authorization?: string; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { "user-agent": "epj-test" };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.authorization !== undefined) headers.authorization = init.authorization;
  const request = new Request(`http://localhost${url}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) });
}

async function createClient(body: { name: string; unitIds: string[]; scopes: string[] }): Promise<{ id: string; token: string }> {
  current = admin;
  const response = await call((await routes.clients()).POST, "/api/v1/admin/clients", { method: "POST", body });
  current = null;
  expect(response.status).toBe(201);
  return response.json();
}

const registerE = (pathwayId: string, token: string, date = "2026-11-02") =>
  routes.events().then(({ POST }) =>
    call(POST, `/api/v1/pathways/${pathwayId}/events`, { method: "POST", token, params: { id: pathwayId }, body: { code: "E", date, justification: "Fra EPJ (test)" } }),
  );

beforeAll(async () => {
  dps = (await makeUnit(db(), "DPS")).id;
  bup = (await makeUnit(db(), "BUP")).id;
  admin = await makeActor(db(), "ADMIN", []);
  coordinator = await makeActor(db(), "COORDINATOR", [dps, bup]);
  dpsPathway = (await makePathway(db(), dps, coordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-10"]])).id;
  bupPathway = (await makePathway(db(), bup, coordinator.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-10"]])).id;
});

afterEach(() => {
  current = null;
  delete process.env.API_CLIENT_RATE_LIMIT_PER_MINUTE;
});

describe("machine clients", () => {
  it("are created by an administrator: the token is answered once and stored only as its SHA-256, with an audit row (before/after)", async () => {
    const { id, token } = await createClient({ name: "DIPS Arena", unitIds: [dps], scopes: ["events:write", "pathways:read"] });
    expect(token).toMatch(/^fvk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const row = await db().machineClient.findUniqueOrThrow({ where: { id }, include: { units: true, principal: true } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const secret = token.split("_")[2];
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.units.map((u) => u.unitId)).toEqual([dps]);
    expect(row.scopes.sort()).toEqual(["events:write", "pathways:read"]);
    // the principal that stands for it in records can never log in or be assigned
    expect(row.principal).toMatchObject({ active: false, name: "DIPS Arena" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "CLIENT_CREATED", detail: { path: ["clientId"], equals: id } } });
    expect(audit.userId).toBe(admin.user.id);
    expect(audit.detail).toMatchObject({ before: null, after: { name: "DIPS Arena", unitIds: [dps], scopes: ["events:write", "pathways:read"] } });
    expect(JSON.stringify(await db().auditEvent.findMany({ select: { detail: true } }))).not.toContain(secret);
  });

  it("register an event by bearer token within their units; the event and every audit row name the client, never a user", async () => {
    const { id, token } = await createClient({ name: "EPJ DPS", unitIds: [dps], scopes: ["events:write"] });
    const response = await registerE(dpsPathway, token);
    expect(response.status).toBe(201);
    const eventId = (await response.json()).event.id;
    const client = await db().machineClient.findUniqueOrThrow({ where: { id } });
    const event = await db().pathwayEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(event.recordedById).toBe(client.principalUserId);
    const rows = await db().auditEvent.findMany({ where: { clientId: id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["EVENT_CREATED", "CLIENT_API_CALL"]);
    for (const r of rows) expect(r.userId).toBeNull();
    expect(rows[1].detail).toMatchObject({ operation: "registerEvent", status: 201, path: `/api/v1/pathways/${dpsPathway}/events` });
    expect(rows[1].userAgent).toBe("epj-test");
    expect(client.lastUsedAt).not.toBeNull();
    // the patient's access log names the client
    const { patientId } = await db().pathway.findUniqueOrThrow({ where: { id: dpsPathway } });
    const officer = await makeActor(db(), "PRIVACY_OFFICER", []);
    const log = await patientAccessLog(officer, { patientId });
    expect(log.rows[0]).toMatchObject({ action: "EVENT_CREATED", userId: null, userName: null, clientId: id, clientName: "EPJ DPS" });
  });

  it("are refused outside their units with 404, as users are, and the refusal is audited with the client", async () => {
    const { id, token } = await createClient({ name: "EPJ DPS 2", unitIds: [dps], scopes: ["events:write", "pathways:read"] });
    const response = await registerE(bupPathway, token);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe("not_found");
    const { GET } = await routes.pathway();
    expect((await call(GET, `/api/v1/pathways/${bupPathway}`, { token, params: { id: bupPathway } })).status).toBe(404);
    // the list holds the client's unit only
    const list = await call((await routes.pathways()).GET, "/api/v1/pathways", { token });
    expect(list.status).toBe(200);
    const ids = (await list.json()).items.map((p: { id: string }) => p.id);
    expect(ids).toContain(dpsPathway);
    expect(ids).not.toContain(bupPathway);
    const denied = await db().auditEvent.findMany({ where: { clientId: id, action: "ACCESS_DENIED" } });
    expect(denied.length).toBe(2);
    expect(denied.every((r) => r.userId === null && r.pathwayId === bupPathway)).toBe(true);
    expect(await db().pathwayEvent.count({ where: { pathwayId: bupPathway, code: "E" } })).toBe(0);
  });

  it("are refused outside their scopes with 403: an operation needing another scope, one without any, and every admin route", async () => {
    const reader = await createClient({ name: "Leser", unitIds: [dps], scopes: ["pathways:read"] });
    const refused = await registerE(dpsPathway, reader.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden", message: "Klienten mangler tilgangen events:write." });
    expect((await call((await routes.pathways()).GET, "/api/v1/pathways", { token: reader.token })).status).toBe(200);

    const all = await createClient({ name: "Alt", unitIds: [dps], scopes: ["pathways:read", "events:write", "referrals:write", "import:write"] });
    const explain = await call((await routes.worklistExplain()).POST, "/api/v1/worklist/explain", { method: "POST", token: all.token, body: {} });
    expect(explain.status).toBe(403);
    const { GET, POST } = await routes.clients();
    expect((await call(GET, "/api/v1/admin/clients", { token: all.token })).status).toBe(403);
    expect((await call(POST, "/api/v1/admin/clients", { method: "POST", token: all.token, body: { name: "x", unitIds: [dps, bup], scopes: ["pathways:read"] } })).status).toBe(403);
    const revoke = (await routes.revoke()).POST;
    expect((await call(revoke, `/api/v1/admin/clients/${reader.id}/revoke`, { method: "POST", token: all.token, params: { id: reader.id } })).status).toBe(403);
    expect(await db().machineClient.count({ where: { name: "x" } })).toBe(0);
    expect((await db().machineClient.findUniqueOrThrow({ where: { id: reader.id } })).revokedAt).toBeNull();
    const calls = await db().auditEvent.findMany({ where: { clientId: all.id, action: "CLIENT_API_CALL" } });
    expect(calls.map((c) => (c.detail as { status: number }).status)).toEqual([403, 403, 403, 403]);
  });

  it("answer 401 for an unknown, malformed or empty token (nothing else is read), and for a revoked one on its very next call", async () => {
    const { GET } = await routes.pathways();
    for (const token of ["fvk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "nonsense", ""]) {
      const response = await call(GET, "/api/v1/pathways", { token });
      expect(response.status, token).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await response.json()).toEqual({ error: "invalid_token", message: "Ukjent eller tilbakekalt klientnøkkel." });
    }
    // another scheme is not a client's: the session decides (a proxy's Basic login in the browser)
    current = coordinator;
    expect((await call(GET, "/api/v1/pathways", { authorization: "Basic dXNlcjpwYXNz" })).status).toBe(200);
    expect((await call(GET, "/api/v1/pathways", { authorization: "Bearer fvk_x" })).status).toBe(401);
    current = null;
    expect((await call(GET, "/api/v1/pathways", { authorization: "Basic dXNlcjpwYXNz" })).status).toBe(401);
    // a known token id with a wrong secret
    const { id, token } = await createClient({ name: "Snart tilbakekalt", unitIds: [dps], scopes: ["pathways:read", "events:write"] });
    const forged = `${token.slice(0, 21)}${"A".repeat(43)}`;
    expect((await call(GET, "/api/v1/pathways", { token: forged })).status).toBe(401);
    expect((await call(GET, "/api/v1/pathways", { token })).status).toBe(200);

    current = admin;
    const revoke = (await routes.revoke()).POST;
    const revoked = await call(revoke, `/api/v1/admin/clients/${id}/revoke`, { method: "POST", params: { id } });
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).revokedAt).not.toBeNull();
    // again: still 200, no second audit row
    expect((await call(revoke, `/api/v1/admin/clients/${id}/revoke`, { method: "POST", params: { id } })).status).toBe(200);
    current = null;
    const audits = await db().auditEvent.findMany({ where: { action: "CLIENT_REVOKED", detail: { path: ["clientId"], equals: id } } });
    expect(audits).toHaveLength(1);
    expect(audits[0].userId).toBe(admin.user.id);
    expect(audits[0].detail).toMatchObject({ before: { revokedAt: null }, after: { revokedAt: expect.any(String) } });

    expect((await call(GET, "/api/v1/pathways", { token })).status).toBe(401);
    expect((await registerE(dpsPathway, token, "2026-11-03")).status).toBe(401);
  });

  it("are limited per client: over API_CLIENT_RATE_LIMIT_PER_MINUTE a call is 429 with Retry-After, and other clients go on", async () => {
    process.env.API_CLIENT_RATE_LIMIT_PER_MINUTE = "3";
    const busy = await createClient({ name: "Ivrig", unitIds: [dps], scopes: ["pathways:read"] });
    const calm = await createClient({ name: "Rolig", unitIds: [dps], scopes: ["pathways:read"] });
    const { GET } = await routes.pathways();
    for (let i = 0; i < 3; i++) expect((await call(GET, "/api/v1/pathways", { token: busy.token })).status).toBe(200);
    const limited = await call(GET, "/api/v1/pathways", { token: busy.token });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/^For mange kall fra denne klienten\. Prøv igjen om \d+ sekund(er)?\.$/) });
    expect((await call(GET, "/api/v1/pathways", { token: calm.token })).status).toBe(200);
    const statuses = (await db().auditEvent.findMany({ where: { clientId: busy.id, action: "CLIENT_API_CALL" }, orderBy: { id: "asc" } })).map(
      (c) => (c.detail as { status: number }).status,
    );
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("record lastUsedAt at most once a minute", async () => {
    const { id, token } = await createClient({ name: "Klokke", unitIds: [dps], scopes: ["pathways:read"] });
    const meta = { ip: null, userAgent: null };
    const t0 = new Date("2026-11-20T10:00:00Z");
    const lastUsed = async () => (await db().machineClient.findUniqueOrThrow({ where: { id } })).lastUsedAt?.toISOString();
    expect((await clientActor(token, meta, t0))?.user.client?.id).toBe(id);
    expect(await lastUsed()).toBe(t0.toISOString());
    await clientActor(token, meta, new Date(t0.getTime() + 59_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    await clientActor(token, meta, new Date(t0.getTime() + 60_000));
    expect(await lastUsed()).toBe("2026-11-20T10:01:00.000Z");
    // a wrong secret is no use
    await clientActor(`${token.slice(0, 21)}${"A".repeat(43)}`, meta, new Date(t0.getTime() + 300_000));
    expect(await lastUsed()).toBe("2026-11-20T10:01:00.000Z");
  });

  it("are administered by administrators only, with input checked (422) and the list never showing a token", async () => {
    const { GET, POST } = await routes.clients();
    current = coordinator;
    expect((await call(GET, "/api/v1/admin/clients")).status).toBe(403);
    expect((await call(POST, "/api/v1/admin/clients", { method: "POST", body: { name: "x", unitIds: [dps], scopes: ["pathways:read"] } })).status).toBe(403);
    current = null;
    expect((await call(GET, "/api/v1/admin/clients")).status).toBe(401);
    current = admin;
    for (const body of [{ name: "", unitIds: [dps], scopes: ["pathways:read"] }, { name: "x", unitIds: [], scopes: ["pathways:read"] }, { name: "x", unitIds: [dps], scopes: ["admin"] }, { name: "x", unitIds: ["c00000000000000000000000"], scopes: ["pathways:read"] }]) {
      const response = await call(POST, "/api/v1/admin/clients", { method: "POST", body });
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    const list = await call(GET, "/api/v1/admin/clients");
    expect(list.status).toBe(200);
    const { items } = await list.json();
    expect(items.length).toBeGreaterThan(3);
    expect(items[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      units: expect.any(Array),
      scopes: expect.any(Array),
      createdAt: expect.any(String),
      createdBy: admin.user.name,
      lastUsedAt: expect.toBeOneOf([null, expect.any(String)]),
      revokedAt: expect.toBeOneOf([null, expect.any(String)]),
    });
    expect(JSON.stringify(items)).not.toMatch(/fvk_|tokenHash/);
  });
});
