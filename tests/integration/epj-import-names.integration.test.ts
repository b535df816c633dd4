import { describe, expect, it, vi } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import type { Actor } from "@/server/auth/current-user";
import { startImportApi } from "@/server/epj-import/api";
import { planFile, readImportFile, runImportJob, startImportJob } from "@/server/epj-import/run";
import { makeActor, makeUnit, useAppDatabase } from "./support/app-db";

// Names in an EPJ extract (review of issue 19): a patient's or referrer's
// name of 1 or 201–500 characters was stored, where every form and the API
// take 2–200. The page (its server actions), the API and the CLI (the same
// service, planFile/runImportJob) now refuse the row with its line and a
// Norwegian reason, and store nothing of it; nothing answers 5xx.

let current: Actor | null = null;
vi.mock("@/server/auth/guard", async () => (await import("./support/signed-in")).signedInGuard(() => current));
process.env.FORLOPSVAKT_TODAY = "2026-11-22";
const { planImportAction, startImportAction } = await import("@/features/import/actions");

const TODAY = "2026-11-22";
const { db } = useAppDatabase();
let seed = 900;
const nid = (birth: string) => makeNationalId(birth, seed++, { synthetic: true });
const HEADER = "event_id,pathway_id,national_id,patient_name,referrer,type,setting,referral_received,date,code,outcome";

async function setUp() {
  const unit = await db().unit.update({ where: { id: (await makeUnit(db())).id }, data: { codesRecordedIn: "EPJ" } });
  const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
  current = actor;
  return { unit, actor };
}

/** A good row (line 2), a 1-character patient name (3), a 201-character one (4), a 500-character referrer (5). */
function extract() {
  return [
    HEADER,
    `e1,N1,${nid("1980-01-02")},Ola Nordmann,Fastlege Li,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
    `e2,N2,${nid("1981-01-02")},O,Fastlege Li,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
    `e3,N3,${nid("1982-01-02")},${"x".repeat(201)},Fastlege Li,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
    `e4,N4,${nid("1983-01-02")},Kari Nordmann,${"y".repeat(500)},D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
  ].join("\n");
}

const REFUSED = [
  { line: 3, column: "patient_name", message: "patient_name er for kort (minst 2 tegn: skriv hele navnet)." },
  { line: 4, column: "patient_name", message: "patient_name er for langt (201 tegn, høyst 200)." },
  { line: 5, column: "referrer", message: "referrer er for langt (500 tegn, høyst 200)." },
];

async function storedNames(unitId: string) {
  const pathways = await db().pathway.findMany({ where: { unitId }, select: { externalId: true, patient: { select: { name: true } }, referral: { select: { referrerName: true } } } });
  return pathways.map((p) => `${p.externalId} ${p.patient.name} ${p.referral.referrerName}`);
}

describe("names in an EPJ extract are taken as the forms take them (2–200 characters)", () => {
  it("the page: the plan refuses the rows naming line and column; the import stores only the good row", async () => {
    const { unit } = await setUp();
    const content = Buffer.from(extract()).toString("base64");
    const planned = await planImportAction({ unitId: unit.id, fileName: "uttrekk.csv", content });
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.refused).toEqual(REFUSED);
    expect(planned.plan.counts).toMatchObject({ pathwaysCreated: 1, patientsCreated: 1, rowsRefused: 3 });
    const started = await startImportAction({ unitId: unit.id, fileName: "uttrekk.csv", content, sha256: planned.plan.sha256 });
    if (!started.ok) throw new Error(started.message);
    await vi.waitFor(async () => expect((await db().importJob.findUniqueOrThrow({ where: { id: started.jobId } })).status).toBe("DONE"), { timeout: 20_000 });
    expect(await storedNames(unit.id)).toEqual(["N1 Ola Nordmann Fastlege Li"]);
    // a file name over 255 characters: a Norwegian refusal, nothing started
    const long = await planImportAction({ unitId: unit.id, fileName: `${"f".repeat(256)}.csv`, content });
    expect(long).toMatchObject({ ok: false, fieldErrors: { fileName: ["Filnavnet er for langt (høyst 255 tegn): gi filen et kortere navn."] } });
  });

  it("the API and the CLI's service: the same refusals in the dry run and the import, nothing of those rows stored", async () => {
    const { unit, actor } = await setUp();
    const dry = await startImportApi(actor, unit.id, Buffer.from(extract()), { dryRun: true }, TODAY);
    if (!dry.dryRun) throw new Error("expected a dry run");
    expect(dry.report.refused).toEqual(REFUSED);
    const file = await readImportFile(Buffer.from(extract()));
    expect((await planFile(actor, unit.id, file, TODAY)).refused).toEqual(REFUSED);
    const report = await runImportJob(actor, await startImportJob(actor, unit, "uttrekk.csv", file.sha256), file, TODAY);
    expect(report.refused).toEqual(REFUSED);
    expect(await storedNames(unit.id)).toEqual(["N1 Ola Nordmann Fastlege Li"]);
    expect(await db().patient.count({ where: { name: { in: ["O", "x".repeat(201)] } } })).toBe(0);
  });
});
