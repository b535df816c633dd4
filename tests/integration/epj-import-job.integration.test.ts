import { describe, expect, it } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import { evaluatePathway } from "@/domain/rules";
import { ImportStopped, readImportFile, runImportJob, startImportJob, type ImportTuning } from "@/server/epj-import/run";
import { PATHWAY_ENGINE_SELECT, toEngineInput } from "@/server/pathways/engine-input";
import { currentRuleTables, invalidateRuleTables } from "@/server/rule-tables/load";
import type { Actor } from "@/server/auth/current-user";
import { makeActor, makeUnit, useAppDatabase } from "./support/app-db";

// The import job while it runs (review of issue 19): it stops before its next
// batch when the one who started it may no longer import, and one job judges
// and derives by one version of the rule tables. The clock is pinned (TODAY).

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

let seed = 700;
const nid = (birth: string) => makeNationalId(birth, seed++, { synthetic: true });
const HEADER = "event_id,pathway_id,national_id,patient_name,type,setting,referral_received,date,code,outcome";

async function setUp() {
  const unit = await db().unit.update({ where: { id: (await makeUnit(db())).id }, data: { codesRecordedIn: "EPJ" } });
  const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
  return { unit, actor };
}

/** Three pathways of three patients: one batch each with batchPathways 1. */
function threePathways(prefix: string) {
  return [
    HEADER,
    ...[1, 2, 3].map((i) => `${prefix}e${i},${prefix}${i},${nid(`198${i}-01-02`)},Pasient ${i},D11,poliklinikk,2026-09-01,2026-09-03,D11A,`),
  ].join("\n");
}

async function run(actor: Actor, unit: { id: string; name: string }, text: string, tuning: ImportTuning, onProgress?: () => void) {
  const file = await readImportFile(Buffer.from(text));
  const jobId = await startImportJob(actor, unit, "uttrekk.csv", file.sha256);
  return { jobId, result: runImportJob(actor, jobId, file, TODAY, onProgress, tuning) };
}

describe("an import job while it runs", () => {
  it.each([
    ["deactivated", (userId: string) => db().user.update({ where: { id: userId }, data: { active: false } }), /brukeren som startet den, er deaktivert/],
    ["moved to another role", (userId: string) => db().user.update({ where: { id: userId }, data: { role: "CLINICIAN" } }), /ikke lenger en rolle som kan importere/],
    ["removed from the unit", (userId: string) => db().userUnit.deleteMany({ where: { userId } }), /ikke lenger tilgang til enheten/],
  ])("stops before its next batch when its user is %s: status STOPPED, a Norwegian message, the pathways applied stay whole", async (_, change, reason) => {
    const { unit, actor } = await setUp();
    let batches = 0;
    const { jobId, result } = await run(actor, unit, threePathways(`S${seed}-`), {
      batchPathways: 1,
      lanes: 1,
      betweenBatches: async () => {
        // after the first batch: the user loses the right to import
        if (++batches === 1) await change(actor.user.id);
      },
    });
    await expect(result).rejects.toBeInstanceOf(ImportStopped);
    const job = await db().importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status).toBe("STOPPED");
    expect(job.error).toMatch(reason);
    expect(job.error).toMatch(/Forløp som alt var importert, er beholdt: hvert forløps rader lagres helt eller ikke i det hele tatt/);
    expect(job.pathwaysDone).toBe(1);
    expect(job.finishedAt).not.toBeNull();
    // the first pathway is stored whole (with its event and derived data), the others not at all
    const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: { id: true, _count: { select: { events: true } } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]._count.events).toBe(1);
    expect(await db().referral.count({ where: { unitId: unit.id } })).toBe(1);
    expect(await db().pathwayDeadline.count({ where: { pathwayId: stored[0].id } })).toBeGreaterThan(0);
    // the unit is free for the next import, and the stop is audited
    expect(await db().importJob.count({ where: { unitId: unit.id, status: "RUNNING" } })).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "EPJ_IMPORTED", userId: actor.user.id } });
    expect(audit.detail).toMatchObject({ importJobId: jobId, stopped: true, pathwaysDone: 1 });
  });

  it("runs to the end while its user may go on (the check before each batch refuses nothing)", async () => {
    const { unit, actor } = await setUp();
    const { jobId, result } = await run(actor, unit, threePathways(`K${seed}-`), { batchPathways: 1, lanes: 1 });
    expect((await result).counts.pathwaysCreated).toBe(3);
    expect(await db().importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "DONE", error: null });
  });

  it("judges and derives every pathway by the rule tables in force when the job began, even when a new version comes in while it runs", async () => {
    const { unit, actor } = await setUp();
    const before = await currentRuleTables();
    const admin = await makeActor(db(), "ADMIN", []);
    // another process's new version of the D11 durations (this process's cache still holds the old tables)
    await db().$executeRaw`INSERT INTO "RuleTableVersion" ("kind", "key", "effectiveFrom", "value", "confirmed", "source", "reason", "createdById")
      VALUES ('DURATION'::"RuleTableKind", 'D11:poliklinikk', '2020-01-01'::date,
        ${JSON.stringify({ durations: { firstAttendance: 300, firstAttendanceSevere: 300, basisAssessment: 300, extendedAssessment: 300, firstEvaluation: 300, evaluation: 300 }, unconfirmed: [] })}::jsonb,
        true, 'test', 'ny versjon midt i en import', ${admin.user.id})`;
    try {
      // the cache is dropped right after the plan was made (the job's first progress report), so from
      // then on a fresh read finds the new version: on the old code the batches derived by it
      const { result } = await run(actor, unit, threePathways(`R${seed}-`), { batchPathways: 1, lanes: 1 }, invalidateRuleTables);
      expect((await result).counts.pathwaysCreated).toBe(3);
      const after = await currentRuleTables();
      expect(after).not.toEqual(before);
      const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: { ...PATHWAY_ENGINE_SELECT, deadlines: { select: { kind: true, due: true } } } });
      expect(stored).toHaveLength(3);
      const dues = (e: ReturnType<typeof evaluatePathway>) => e.deadlines.map((d) => `${d.kind} ${d.due}`).sort();
      for (const p of stored) {
        const input = toEngineInput(p);
        // the test means something: the two versions give other deadlines
        expect(dues(evaluatePathway(input, TODAY, after))).not.toEqual(dues(evaluatePathway(input, TODAY, before)));
        expect(p.deadlines.map((d) => `${d.kind} ${d.due.toISOString().slice(0, 10)}`).sort()).toEqual(dues(evaluatePathway(input, TODAY, before)));
      }
    } finally {
      invalidateRuleTables();
    }
  });
});
