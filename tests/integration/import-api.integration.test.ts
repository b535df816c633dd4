import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import type { Actor } from "@/server/auth/current-user";
import { planFile, readImportFile, reportOf, startImportJob } from "@/server/epj-import/run";
import { makeActor, makeUnit, useAppDatabase } from "./support/app-db";

// The import API (the EPJ's door to issue 19's import): a machine client with
// import:write sends its extract as the raw CSV body (not JSON), gets the dry
// run's report (the CLI's JSON object), starts the import as a background job
// (202) and follows it to DONE; re-importing changes nothing. Refused: without
// the scope (403), outside its units (404), while an import runs (409), an
// unusable file (422 naming the line), a file over the limit (413). One
// EPJ_IMPORTED audit row per import names the client. The routes run for
// real; only "who is signed in" (a session) comes from the test.

const TODAY = "2026-11-22";
process.env.FORLOPSVAKT_TODAY = TODAY;
let current: Actor | null = null;
vi.mock("@/server/auth/guard", async () => (await import("./support/signed-in")).signedInGuard(() => current));

const { db } = useAppDatabase();
const routes = {
  clients: () => import("../../app/api/v1/admin/clients/route"),
  imports: () => import("../../app/api/v1/units/[unitId]/imports/route"),
  job: () => import("../../app/api/v1/imports/[id]/route"),
};

let dps = "";
let bup = "";
let admin: Actor;
let coordinator: Actor;
let importer = { id: "", token: "" };
let reader = { id: "", token: "" };

const [a, b] = [makeNationalId("1980-01-02", 101, { synthetic: true }), makeNationalId("1990-03-04", 102, { synthetic: true })];
const HEADER = "event_id,pathway_id,national_id,patient_name,type,setting,referral_received,date,code,outcome";
const CSV = [
  HEADER,
  `e1,P1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
  `e2,P1,${a},Ola,D11,poliklinikk,,2026-09-10,D11M,`,
  `e3,P2,${b},Kari,D11,poliklinikk,2026-09-28,2026-10-01,D11A,`,
  `e4,P2,${b},Kari,D11,poliklinikk,,ikke-en-dato,D11M,`,
].join("\n");

async function post(unitId: string, body: string | Buffer<ArrayBuffer>, query: string, auth: { token?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "text/csv", "user-agent": "epj-test" };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const request = new Request(`http://localhost/api/v1/units/${unitId}/imports?${query}`, { method: "POST", headers, body });
  return (await routes.imports()).POST(request, { params: Promise.resolve({ unitId }) });
}

async function getJob(id: string, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return (await routes.job()).GET(new Request(`http://localhost/api/v1/imports/${id}`, { headers }), { params: Promise.resolve({ id }) });
}

/** Follows the job until it is no longer RUNNING (the import runs in the background). */
async function finished(id: string, token: string) {
  return vi.waitFor(
    async () => {
      const body = await (await getJob(id, token)).json();
      if (body.status === "RUNNING") throw new Error("still running");
      return body;
    },
    { timeout: 15_000, interval: 50 },
  );
}

async function createClient(name: string, unitIds: string[], scopes: string[]) {
  current = admin;
  const request = new Request("http://localhost/api/v1/admin/clients", { method: "POST", body: JSON.stringify({ name, unitIds, scopes }) });
  const response = await (await routes.clients()).POST(request, { params: Promise.resolve({}) });
  current = null;
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string };
}

beforeAll(async () => {
  // the EPJ holds these units' codes: an import is the daily way in (a Forløpsvakt-led unit takes one only with migrate=true)
  dps = (await db().unit.update({ where: { id: (await makeUnit(db(), "DPS")).id }, data: { codesRecordedIn: "EPJ" } })).id;
  bup = (await db().unit.update({ where: { id: (await makeUnit(db(), "DPS")).id }, data: { codesRecordedIn: "EPJ" } })).id;
  admin = await makeActor(db(), "ADMIN", []);
  coordinator = await makeActor(db(), "COORDINATOR", [dps]);
  importer = await createClient("EPJ import", [dps], ["import:write"]);
  reader = await createClient("EPJ leser", [dps], ["pathways:read", "events:write"]);
});

afterEach(() => {
  current = null;
});

describe("the import API", () => {
  it("dry run, import, status DONE, then a re-import changes nothing; one EPJ_IMPORTED row per import names the client", async () => {
    const dry = await post(dps, CSV, "dryRun=true", importer);
    expect(dry.status).toBe(200);
    const report = await dry.json();
    // exactly the CLI's JSON object (npm run import -- --format json --dry-run)
    current = coordinator;
    const cli = JSON.parse(JSON.stringify(reportOf(await planFile(coordinator, dps, await readImportFile(Buffer.from(CSV)), TODAY), true)));
    current = null;
    expect(report).toEqual(cli);
    expect(Object.keys(report)).toEqual(["dryRun", "counts", "refused", "missing"]);
    expect(report).toMatchObject({ dryRun: true, counts: { pathwaysCreated: 2, eventsCreated: 3, rowsRefused: 1 } });
    expect(report.refused).toEqual([expect.objectContaining({ line: 5, column: "date" })]);
    expect(await db().pathway.count({ where: { unitId: dps } })).toBe(0);
    expect(await db().importJob.count()).toBe(0);

    const started = await post(dps, CSV, "dryRun=false&fileName=dips-uttrekk.csv", importer);
    expect(started.status).toBe(202);
    const { id, status } = await started.json();
    expect(status).toBe("RUNNING");
    expect(started.headers.get("location")).toBe(`/api/v1/imports/${id}`);
    const job = await finished(id, importer.token);
    expect(job).toMatchObject({ id, unitId: dps, fileName: "dips-uttrekk.csv", status: "DONE", error: null, progress: { rowsDone: 4, rowsTotal: 4 } });
    expect(job.result).toEqual({ ...cli, dryRun: false });
    expect(await db().pathway.count({ where: { unitId: dps } })).toBe(2);
    expect(await db().pathwayEvent.count({ where: { pathway: { unitId: dps } } })).toBe(3);

    const again = await post(dps, CSV, "dryRun=false", importer);
    expect(again.status).toBe(202);
    const second = await finished((await again.json()).id, importer.token);
    expect(second.result.counts).toMatchObject({ patientsCreated: 0, pathwaysCreated: 0, eventsCreated: 0, eventsCorrected: 0, eventsUnchanged: 3, rowsRefused: 1 });
    expect(await db().pathwayEvent.count({ where: { pathway: { unitId: dps } } })).toBe(3);

    const audited = await db().auditEvent.findMany({ where: { action: "EPJ_IMPORTED" }, orderBy: { id: "asc" } });
    expect(audited).toHaveLength(2);
    for (const row of audited) expect(row).toMatchObject({ clientId: importer.id, userId: null });
    expect(audited[0].detail).toMatchObject({ importJobId: id, unitId: dps, fileName: "dips-uttrekk.csv", counts: { eventsCreated: 3 } });
  });

  it("refuses a client without import:write (403), a unit or a job outside its units (404), and a second import while one runs (409)", async () => {
    const noScope = await post(dps, CSV, "dryRun=true", reader);
    expect(noScope.status).toBe(403);
    expect(await noScope.json()).toMatchObject({ error: "forbidden", message: "Klienten mangler tilgangen import:write." });

    const otherUnit = await post(bup, CSV, "dryRun=true", importer);
    expect(otherUnit.status).toBe(404);
    const otherCoordinator = await makeActor(db(), "COORDINATOR", [bup]);
    const foreignJob = await startImportJob(otherCoordinator, { id: bup, name: "BUP" }, "annen.csv", "0".repeat(64));
    expect((await getJob(foreignJob, importer.token)).status).toBe(404);
    expect((await getJob(foreignJob, reader.token)).status).toBe(403);
    expect((await getJob("ikke/en-id", importer.token)).status).toBe(404);

    // the unit's lock is held by a coordinator's import from the page
    const running = await startImportJob(coordinator, { id: dps, name: "DPS" }, "side.csv", "1".repeat(64));
    const busy = await post(dps, CSV, "dryRun=false", importer);
    expect(busy.status).toBe(409);
    expect(await busy.json()).toMatchObject({ error: "import_running", message: expect.stringContaining("Det pågår allerede en import") });
    // the client sees its unit's job, whoever started it
    expect(await (await getJob(running, importer.token)).json()).toMatchObject({ id: running, status: "RUNNING", result: null });
    await db().importJob.update({ where: { id: running }, data: { status: "FAILED" } });
    await db().importJob.update({ where: { id: foreignJob }, data: { status: "FAILED" } });
    expect(await db().importJob.count({ where: { status: "RUNNING" } })).toBe(0);
  });

  it("answers 422 naming the line for an unusable file, 422 without dryRun, and 413 with a Norwegian message over 1 MiB", async () => {
    const badHeader = await post(dps, "hendelse,forløp\nx,y", "dryRun=true", importer);
    expect(badHeader.status).toBe(422);
    const body = await badHeader.json();
    expect(body).toMatchObject({ error: "file_unusable", message: expect.stringMatching(/^Filen kan ikke brukes\. Linje 1: /) });
    expect(body.fieldErrors.file[0]).toMatch(/^Linje 1: /);

    const notUtf8 = await post(dps, Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0xff, 0xfe, 0x0a])]), "dryRun=true", importer);
    expect(notUtf8.status).toBe(422);
    expect((await notUtf8.json()).message).toMatch(/Linje 2/);

    // hostile or empty bodies are the file's problem, never a 5xx
    for (const hostile of ["", "\0", `${HEADER}\ne1,P1,\0,Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`, "{\"json\": true}"]) {
      const refused = await post(dps, hostile, "dryRun=true", importer);
      expect(refused.status, JSON.stringify(hostile)).toBe(422);
      expect((await refused.json()).error).toBe("file_unusable");
    }

    const noFlag = await post(dps, CSV, "", importer);
    expect(noFlag.status).toBe(422);
    expect(await noFlag.json()).toMatchObject({ error: "validation_failed", fieldErrors: { dryRun: ["dryRun må være true eller false."] } });

    const tooLarge = await post(dps, `${HEADER}\n${"x".repeat(1024 * 1024)}`, "dryRun=true", importer);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ error: "body_too_large", message: "Filen er større enn 1 MiB, som er grensen for API-et. Del uttrekket, eller bruk npm run import." });
    expect(await db().importJob.count({ where: { status: "RUNNING" } })).toBe(0);
  });

  it("serves a coordinator's session within own units; a clinician may not import", async () => {
    current = coordinator;
    const dry = await post(dps, CSV, "dryRun=true");
    expect(dry.status).toBe(200);
    expect((await dry.json()).counts).toMatchObject({ eventsUnchanged: 3, eventsCreated: 0 });
    expect((await post(bup, CSV, "dryRun=true")).status).toBe(404);
    current = await makeActor(db(), "CLINICIAN", [dps]);
    expect((await post(dps, CSV, "dryRun=true")).status).toBe(403);
  });

  it("into a unit whose codes are recorded in Forløpsvakt: refused (409) unless migrate=true, a one-time migration", async () => {
    const own = (await makeUnit(db(), "DPS")).id;
    const migrator = await createClient("EPJ migrering", [own], ["import:write"]);
    const refused = await post(own, CSV, "dryRun=false", migrator);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: "codes_recorded_in_forlopsvakt" });
    const migrated = await post(own, CSV, "dryRun=false&migrate=true", migrator);
    expect(migrated.status).toBe(202);
    expect(await finished((await migrated.json()).id, migrator.token)).toMatchObject({ status: "DONE" });
    expect(await db().pathway.count({ where: { unitId: own } })).toBe(2);
  });
});
