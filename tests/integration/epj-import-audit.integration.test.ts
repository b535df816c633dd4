import { describe, expect, it } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import { importJobApi, startImportApi } from "@/server/epj-import/api";
import { importJobShown } from "@/server/epj-import/job";
import { reconciliationsFor } from "@/server/epj-import/reconcile";
import { planFileShown, readImportFile, runImportJob, startImportJob } from "@/server/epj-import/run";
import type { Actor } from "@/server/auth/current-user";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Every view of the EPJ import shows patients by their records and writes one
// audit row naming exactly them (review of issue 19): the dry run (page, API,
// CLI table or JSON), a finished job (page /import?jobb=, GET
// /api/v1/imports/{id}) and the reconciliation. Events "finnes ikke i
// uttrekket", refusals that give a stored record away (another unit's
// pathway, a pathway registered by hand) and codes registered here all count.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

let seed = 500;
const nid = (birth: string) => makeNationalId(birth, seed++, { synthetic: true });
const HEADER = "event_id,pathway_id,national_id,patient_name,type,setting,referral_received,date,code,outcome";

async function viewRows(actor: Actor, list: string) {
  const rows = await db().auditEvent.findMany({ where: { action: "PATIENT_LIST_VIEWED", userId: actor.user.id }, orderBy: { id: "asc" } });
  return rows.filter((r) => (r.detail as { list?: string } | null)?.list === list).map((r) => [...r.patientIds].sort());
}

/**
 * A unit with three imported pathways (P1 of a, P2 of b, P3 of c), a pathway
 * registered by hand (patient d), and another unit's pathway (patient f);
 * then a second file: P1 without its M (missing), P2 left out (missing), P3
 * unchanged, a row naming the other unit's pathway, a new pathway for d
 * (refused: d has an open one by hand), a new pathway for a new patient.
 */
async function scenario() {
  const unit = await db().unit.update({ where: { id: (await makeUnit(db())).id }, data: { codesRecordedIn: "EPJ" } });
  const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
  const [a, b, c] = [nid("1970-01-02"), nid("1971-01-02"), nid("1972-01-02")];
  const first = [
    HEADER,
    `e1,P1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
    `e2,P1,${a},Ola,D11,poliklinikk,,2026-09-10,D11M,`,
    `e3,P2,${b},Kari,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
    `e4,P3,${c},Per,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
  ].join("\n");
  const firstFile = await readImportFile(Buffer.from(first));
  await runImportJob(actor, await startImportJob(actor, unit, "forste.csv", firstFile.sha256), firstFile, TODAY);
  const byHand = await makePathway(db(), unit.id, actor.user.id, [["A", null, "2026-09-03"]]);
  const d = await db().patient.findUniqueOrThrow({ where: { id: byHand.patientId } });
  const other = await makeUnit(db());
  const elsewhere = await makePathway(db(), other.id, actor.user.id, [["A", null, "2026-09-03"]]);
  const second = [
    HEADER,
    `e1,P1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
    `e4,P3,${c},Per,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
    `x1,${elsewhere.id},${nid("1973-01-02")},Ukjent,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
    `e5,P4,${d.nationalId},${d.name},D11,poliklinikk,2026-10-01,2026-10-02,D11A,`,
    `e6,P5,${nid("1974-01-02")},Ny,D11,poliklinikk,2026-10-01,2026-10-02,D11A,`,
  ].join("\n");
  const stored = await db().pathway.findMany({ where: { unitId: unit.id, externalId: { not: null } }, select: { externalId: true, patientId: true } });
  const patientOf = (key: string) => stored.find((p) => p.externalId === key)!.patientId;
  return {
    unit,
    actor,
    second,
    patients: { a: patientOf("P1"), b: patientOf("P2"), c: patientOf("P3"), d: d.id, f: elsewhere.patientId },
  };
}

describe("every view of the EPJ import audits the patients it shows", () => {
  it("the dry run on the page (and the CLI's table) names the stored pathways it lists, the missing events' and the refusals' patients – not a new patient", async () => {
    const { unit, actor, second, patients: p } = await scenario();
    const plan = await planFileShown(actor, unit.id, await readImportFile(Buffer.from(second)), TODAY);
    expect(plan.missing.map((m) => `${m.pathwayId} ${m.eventId}`).sort()).toEqual(["P1 e2", "P2 e3"]);
    expect(plan.refused.map((r) => r.message)).toEqual([expect.stringContaining("hører til en annen enhet"), expect.stringContaining("registrert i Forløpsvakt")]);
    expect(await viewRows(actor, "import-plan")).toEqual([[p.a, p.b, p.c, p.d, p.f].sort()]);
  });

  it("the API's dry run (the report only: refusals and missing events) names exactly their patients", async () => {
    const { unit, actor, second, patients: p } = await scenario();
    const started = await startImportApi(actor, unit.id, Buffer.from(second), { dryRun: true }, TODAY);
    expect(started.dryRun).toBe(true);
    expect(await viewRows(actor, "import-plan")).toEqual([[p.a, p.b, p.d, p.f].sort()]);
  });

  it("a finished job, on the page and from the API, names its report's patients each time it is shown; a running job names none", async () => {
    const { unit, actor, second, patients: p } = await scenario();
    const file = await readImportFile(Buffer.from(second));
    const jobId = await startImportJob(actor, unit, "andre.csv", file.sha256);
    // running: progress only
    expect((await importJobShown(actor, jobId))?.status).toBe("RUNNING");
    expect(await viewRows(actor, "import-job")).toEqual([]);
    await runImportJob(actor, jobId, file, TODAY);

    const page = await importJobShown(actor, jobId);
    expect(page?.report?.missing).toHaveLength(2);
    // the stored patient ids never reach the page's client component
    expect(JSON.stringify(page)).not.toContain(p.a);
    const api = await importJobApi(actor, jobId);
    expect(api.result?.missing).toHaveLength(2);
    expect(JSON.stringify(api)).not.toContain(p.a);
    const expected = [p.a, p.b, p.d, p.f].sort();
    expect(await viewRows(actor, "import-job")).toEqual([expected, expected]);
  });

  it("the reconciliation names the patients of the last import's missing events and of codes registered here since", async () => {
    const { unit, actor, second, patients: p } = await scenario();
    const file = await readImportFile(Buffer.from(second));
    await runImportJob(actor, await startImportJob(actor, unit, "andre.csv", file.sha256), file, TODAY);
    const coded = await makePathway(db(), unit.id, actor.user.id, [["A", null, "2026-11-02"]]);
    const [view] = await reconciliationsFor(actor);
    expect(view.missing).toHaveLength(2);
    expect(view.registeredHere).toHaveLength(1);
    expect(await viewRows(actor, "import-reconciliation")).toEqual([[p.a, p.b, coded.patientId].sort()]);
  });
});
