import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import type { Actor } from "@/server/auth/current-user";
import { API_OPERATIONS } from "@/server/api/operations";
import { readImportFile, runImportJob, startImportJob } from "@/server/epj-import/run";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Every GET operation's real answer, through its route handler on a real
// database, against the response schema it declares (and so against what
// /api/v1/openapi.json tells clients): nothing missing, nothing of another
// type, no field left undeclared. Only "who is signed in" is supplied, as the
// session cookie would.

let current: Actor | null = null;
let admin: Actor | null = null;
vi.mock("@/server/auth/guard", async () => (await import("./support/signed-in")).signedInGuard(() => current));
process.env.FORLOPSVAKT_TODAY = "2026-11-20";

const { db } = useAppDatabase();
let pathwayId = "";
let referralId = "";
let importJobId = "";
let importer: Actor | null = null;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The GET operations' sample requests: the route module, the URL and its params (and who asks, when not the coordinator). */
const SAMPLES: Record<string, () => { route: Promise<{ GET: Handler }>; url: string; params?: Record<string, string>; as?: () => Actor | null }> = {
  listPathways: () => ({ route: import("../../app/api/v1/pathways/route"), url: "/api/v1/pathways?status=OPEN&limit=5" }),
  getPathway: () => ({ route: import("../../app/api/v1/pathways/[id]/route"), url: `/api/v1/pathways/${pathwayId}`, params: { id: pathwayId } }),
  listWorklist: () => ({ route: import("../../app/api/v1/worklist/route"), url: "/api/v1/worklist?grunn=forfalt&horisont=30" }),
  listReferrals: () => ({ route: import("../../app/api/v1/referrals/route"), url: "/api/v1/referrals?status=unassessed&limit=5" }),
  listAdminUsers: () => ({ route: import("../../app/api/v1/admin/users/route"), url: "/api/v1/admin/users?q=test", as: () => admin }),
  listAdminUnits: () => ({ route: import("../../app/api/v1/admin/units/route"), url: "/api/v1/admin/units", as: () => admin }),
  getOpenApiDocument: () => ({ route: import("../../app/api/v1/openapi.json/route"), url: "/api/v1/openapi.json" }),
  health: () => ({ route: import("../../app/api/health/route"), url: "/api/health" }),
  getEpjImport: () => ({ route: import("../../app/api/v1/imports/[id]/route"), url: `/api/v1/imports/${importJobId}`, params: { id: importJobId }, as: () => importer }),
  listMachineClients: () => ({ route: import("../../app/api/v1/admin/clients/route"), url: "/api/v1/admin/clients", as: () => admin }),
};

beforeAll(async () => {
  const unit = await makeUnit(db());
  current = await makeActor(db(), "COORDINATOR", [unit.id]);
  // started 2026-09-03, first attendance, then an evaluation point without a
  // decision: overdue deadlines and a notice, all in the answers below
  const pathway = await makePathway(db(), unit.id, current.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-10"]]);
  pathwayId = pathway.id;
  const { POST } = await import("../../app/api/v1/pathways/[id]/events/route");
  const registered = await POST(
    new Request(`http://localhost/api/v1/pathways/${pathwayId}/events`, {
      method: "POST",
      body: JSON.stringify({ code: "E", date: "2026-11-02", justification: "Evaluert før beslutning (test)" }),
    }),
    { params: Promise.resolve({ id: pathwayId }) },
  );
  expect(registered.status).toBe(201);
  // a referral waiting for assessment, registered through its route
  const { POST: refer } = await import("../../app/api/v1/referrals/route");
  const referral = {
    nationalId: makeNationalId("1984-03-05", 321, { synthetic: true }),
    patientName: "Kari Nordmann",
    unitId: unit.id,
    receivedDate: "2026-11-16",
    referrerName: "Fastlege Hansen",
  };
  const referred = await refer(new Request("http://localhost/api/v1/referrals", { method: "POST", body: JSON.stringify(referral) }), { params: Promise.resolve({}) });
  expect(referred.status).toBe(201);
  referralId = (await referred.json()).id;
  // a finished import (with a refused row) into a unit of its own (the lists above stay as they are),
  // through the service the import route starts
  const extract = [
    "event_id,pathway_id,national_id,patient_name,type,setting,referral_received,date,code,outcome",
    `x1,EPJ1,${makeNationalId("1979-02-03", 322, { synthetic: true })},Per Hansen,D11,poliklinikk,2026-10-01,2026-10-05,D11A,`,
    `x2,EPJ1,${makeNationalId("1979-02-03", 322, { synthetic: true })},Per Hansen,D11,poliklinikk,,ikke-en-dato,D11M,`,
  ].join("\n");
  const file = await readImportFile(Buffer.from(extract));
  // a unit whose codes the EPJ records: the import is its daily way in
  const importUnit = await db().unit.update({ where: { id: (await makeUnit(db())).id }, data: { codesRecordedIn: "EPJ" } });
  importer = await makeActor(db(), "COORDINATOR", [importUnit.id]);
  importJobId = await startImportJob(importer, importUnit, "uttrekk.csv", file.sha256);
  await runImportJob(importer, importJobId, file, "2026-11-20");
  // a machine client, created through its route by an administrator
  const coordinator = current;
  admin = current = await makeActor(db(), "ADMIN", []);
  const { POST: createClient } = await import("../../app/api/v1/admin/clients/route");
  const created = await createClient(
    new Request("http://localhost/api/v1/admin/clients", { method: "POST", body: JSON.stringify({ name: "EPJ", unitIds: [unit.id], scopes: ["pathways:read"] }) }),
    { params: Promise.resolve({}) },
  );
  expect(created.status).toBe(201);
  current = coordinator;
});

describe("GET answers match their declared response schemas", () => {
  const gets = API_OPERATIONS.filter((o) => o.method === "GET");

  it.each(gets.map((o) => [o.id, o]))("%s", async (id, operation) => {
    const sample = SAMPLES[id];
    expect(sample, `no sample request for GET ${operation.path}: add one to SAMPLES`).toBeDefined();
    const { route, url, params = {}, as } = sample();
    const { GET } = await route;
    const coordinator = current;
    if (as) current = as();
    const response = await GET(new Request(`http://localhost${url}`), { params: Promise.resolve(params) }).finally(() => (current = coordinator));
    const declared = operation.responses[response.status];
    expect(declared, `${id} answered ${response.status}, which it does not declare`).toBeDefined();
    expect(response.status).toBe(200);
    const body = await response.json();
    const parsed = declared!.schema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // the schemas strip what they do not declare: equal means nothing undeclared
    expect(parsed.data).toEqual(body);
  });

  it("checks answers with content (not empty lists)", async () => {
    const { GET: list } = await import("../../app/api/v1/pathways/route");
    expect((await (await list(new Request("http://localhost/api/v1/pathways"), { params: Promise.resolve({}) })).json()).items).toHaveLength(1);
    const { GET: worklist } = await import("../../app/api/v1/worklist/route");
    const rows = (await (await worklist(new Request("http://localhost/api/v1/worklist?grunn=forfalt"), { params: Promise.resolve({}) })).json()).rows;
    expect(rows.length).toBeGreaterThan(0);
    const { GET: detail } = await import("../../app/api/v1/pathways/[id]/route");
    const pathway = await (await detail(new Request(`http://localhost/api/v1/pathways/${pathwayId}`), { params: Promise.resolve({ id: pathwayId }) })).json();
    expect(pathway.events).toHaveLength(3);
    expect(pathway.notices.map((n: { id: string }) => n.id)).toContain("E_WITHOUT_C");
    expect(pathway.nextDeadline).not.toBeNull();
    const { GET: referrals } = await import("../../app/api/v1/referrals/route");
    const { GET: job } = await import("../../app/api/v1/imports/[id]/route");
    const coordinator = current;
    current = importer;
    const imported = await (await job(new Request(`http://localhost/api/v1/imports/${importJobId}`), { params: Promise.resolve({ id: importJobId }) })).json();
    current = coordinator;
    expect(imported).toMatchObject({ status: "DONE", result: { dryRun: false, counts: { eventsCreated: 1, rowsRefused: 1 } } });
    expect(imported.result.refused).toHaveLength(1);
    expect((await (await referrals(new Request("http://localhost/api/v1/referrals"), { params: Promise.resolve({}) })).json()).items.map((r: { id: string }) => r.id)).toContain(referralId);
  });
});
