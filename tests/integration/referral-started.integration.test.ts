import { describe, expect, it } from "vitest";
import pg from "pg";
import { z } from "zod";
import { makeNationalId } from "@/domain/national-id";
import { Prisma } from "@/generated/prisma/client";
import { pgPool, prisma } from "@/server/db";
import { withConnection } from "@/server/connection";
import { readImportFile, runImportJob, startImportJob } from "@/server/epj-import/run";
import { annulEvent } from "@/server/events/annul";
import { registerEvent } from "@/server/events/register";
import { recomputeAllDerived, recomputeDerived } from "@/server/pathways/derived";
import { assessReferral } from "@/server/referrals/assess";
import { countOverdueUnassessed } from "@/server/referrals/list";
import { registerReferral } from "@/server/referrals/register";
import { assessReferralBody, registerReferralBody } from "@/server/referrals/schema";
import { UNASSESSED } from "@/server/referrals/scope";
import { generateDataSet } from "@/server/seed/generate";
import { sqlOf } from "@/server/sql";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";
import { whileTableLocked } from "./support/table-lock";

// "Referral"."pathwayStarted" (migration 20261203100500) is what UNASSESSED
// reads instead of the referral's pathways, so the worklist's overdue count
// reads the truly unassessed referrals from one index and no Pathway row. Its
// promise: it always equals "a pathway of the referral has a phase other than
// awaiting_start", checked here after every kind of write that moves a phase.

const TODAY = "2026-11-22";
const { db, appUrl } = useAppDatabase();

let seed = 300 + Math.floor(Math.random() * 400);
const nid = (birth: string) => makeNationalId(birth, seed++, { synthetic: true });

/** The column equals the pathways, by SQL and by the old Prisma filter (NULL phase: not started). */
async function expectTruth() {
  const [row] = await sqlOf(db()).rows(z.object({ wrong: z.coerce.number() }), Prisma.sql`
    SELECT count(*) AS "wrong" FROM "Referral" r
    WHERE r."pathwayStarted" <> EXISTS (SELECT 1 FROM "Pathway" p WHERE p."referralId" = r."id" AND p."phase" <> 'awaiting_start')`);
  expect(row.wrong).toBe(0);
  const old = await db().referral.findMany({ where: { assessedDate: null, pathways: { none: { NOT: { phase: "awaiting_start" } } } }, select: { id: true } });
  const now = await db().referral.findMany({ where: UNASSESSED, select: { id: true } });
  expect(now.map((r) => r.id).sort()).toEqual(old.map((r) => r.id).sort());
}

const startedOf = async (referralId: string) => (await db().referral.findUniqueOrThrow({ where: { id: referralId } })).pathwayStarted;

async function setup() {
  const unit = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  return { unit, coordinator, clinician };
}

/** A pathway awaiting its start (no events, derived). */
async function waitingPathway(unitId: string, userId: string) {
  const p = await makePathway(db(), unitId, userId);
  await recomputeDerived(db(), p.id, TODAY);
  return p;
}

describe("Referral.pathwayStarted", () => {
  it("equals the referral's pathways after every write that moves a phase", async () => {
    const { unit, coordinator, clinician } = await setup();

    // a pathway made without an assessment, then its start code, and the start annulled
    const waiting = await waitingPathway(unit.id, coordinator.user.id);
    expect(await startedOf(waiting.referralId)).toBe(false);
    await expectTruth();
    const { event } = await registerEvent(clinician, waiting.id, { code: "A", date: "2026-09-03" } as never, TODAY);
    expect(await startedOf(waiting.referralId)).toBe(true);
    await expectTruth();
    await annulEvent(coordinator, event.id, { reason: "Feil forløp" }, TODAY);
    expect(await startedOf(waiting.referralId)).toBe(false);
    await expectTruth();

    // referral intake, and its assessment starting a pathway
    const body = registerReferralBody.parse({ nationalId: nid("1971-02-03"), patientName: "Ny Pasient", unitId: unit.id, receivedDate: "2026-11-16", referrerName: "Fastlege" });
    const referral = await registerReferral(coordinator, body, TODAY);
    expect(await startedOf(referral.id)).toBe(false);
    await assessReferral(
      coordinator,
      referral.id,
      assessReferralBody.parse({ assessedDate: "2026-11-20", decision: "right", legalDeadline: "2027-01-15", pathway: { type: "D11", setting: "POLIKLINIKK", responsibleClinicianId: clinician.user.id } }),
      TODAY,
    );
    expect(await startedOf(referral.id)).toBe(true);
    await expectTruth();

    // by hand (an operator's SQL): a phase set, a pathway moved to another referral, a pathway deleted
    const loose = await makePathway(db(), unit.id, coordinator.user.id);
    await expectTruth();
    await db().pathway.update({ where: { id: loose.id }, data: { phase: "treatment" } });
    expect(await startedOf(loose.referralId)).toBe(true);
    await db().pathway.update({ where: { id: loose.id }, data: { referralId: waiting.referralId } });
    expect([await startedOf(loose.referralId), await startedOf(waiting.referralId)]).toEqual([false, true]);
    await expectTruth();
    await db().pathway.delete({ where: { id: loose.id } });
    expect(await startedOf(waiting.referralId)).toBe(false);
    await expectTruth();

    // the nightly recompute on a later day
    await withConnection(pgPool(prisma), (c) => recomputeAllDerived(c, "2026-12-20"));
    await expectTruth();
  });

  it("equals the pathways after a bulk load and an EPJ import", async () => {
    await generateDataSet(db(), TODAY, { pathways: 120, units: 2, batchSize: 40, seed: 5 });
    await expectTruth();

    const unit = await db().unit.update({ where: { id: (await makeUnit(db())).id }, data: { codesRecordedIn: "EPJ" } });
    const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
    const [a, b] = [nid("1980-01-02"), nid("1990-03-04")];
    const text = [
      "event_id,pathway_id,national_id,patient_name,type,setting,referral_received,date,code,outcome",
      `e1,P1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
      `e2,P1,${a},Ola,D11,poliklinikk,,2026-09-10,D11M,`,
      `e3,P2,${b},Kari,D11,poliklinikk,2026-09-28,2026-10-01,D11A,`,
    ].join("\n");
    const file = await readImportFile(Buffer.from(text));
    const jobId = await startImportJob(actor, unit, "uttrekk.csv", file.sha256);
    const { counts } = await runImportJob(actor, jobId, file, TODAY);
    expect(counts).toMatchObject({ pathwaysCreated: 2, rowsRefused: 0 });
    expect(await db().referral.count({ where: { unitId: unit.id, pathwayStarted: true } })).toBe(2);
    await expectTruth();
  });

  it("an assessment and a start code on the same waiting pathway at once: one wins, neither deadlocks", async () => {
    const { unit, coordinator, clinician } = await setup();
    const waiting = await waitingPathway(unit.id, coordinator.user.id);
    const waiters = async () => (await sqlOf(db()).rows(z.object({ n: z.coerce.number() }), Prisma.sql`
      SELECT count(*) AS "n" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`))[0].n;
    const until = async (n: number) => {
      for (let i = 0; i < 200 && (await waiters()) < n; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    };
    // the pathway held by a third transaction: the start code waits for it
    // first, then the assessment, and both go on when it lets go (were the
    // referral locked before the pathway, the registration's trigger and the
    // assessment would each wait for the other)
    const blocker = new pg.Client({ connectionString: await appUrl() });
    await blocker.connect();
    let results: PromiseSettledResult<unknown>[];
    try {
      await blocker.query(`BEGIN`);
      await blocker.query(`SELECT 1 FROM "Pathway" WHERE "id" = $1 FOR NO KEY UPDATE`, [waiting.id]);
      const registration = registerEvent(clinician, waiting.id, { code: "A", date: "2026-09-04" } as never, TODAY);
      await until(1);
      const assessment = assessReferral(coordinator, waiting.referralId, assessReferralBody.parse({ assessedDate: "2026-09-05", decision: "right", legalDeadline: "2026-12-15", pathway: null }), TODAY);
      await until(2);
      await blocker.query(`ROLLBACK`);
      results = await Promise.allSettled([registration, assessment]);
    } finally {
      await blocker.end();
    }
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error & { code?: string }] : []));
    expect(failures.filter((e) => /deadlock/i.test(String(e.message)) || e.code === "40P01" || e.code === "P2034")).toEqual([]);
    expect(results[0].status).toBe("fulfilled");
    expect(await startedOf(waiting.referralId)).toBe(true);
    await expectTruth();
  });
});

describe("the worklist's count of overdue unassessed referrals", () => {
  // Before: UNASSESSED checked each referral without an assessment date for a
  // started pathway (the largest unit of 400 000 generated pathways: ~420 such
  // referrals, 1 313 buffers of "Pathway" index per view, 2-11 ms at load 13-15).
  it("reads no Pathway row: it answers while another transaction holds every lock on Pathway", async () => {
    const { unit, coordinator } = await setup();
    const sql = sqlOf(db());
    const template = await waitingPathway(unit.id, coordinator.user.id);
    // 2 000 referrals without an assessment date whose pathways have started (as imported ones)
    await sql.run(Prisma.sql`
      WITH r AS (
        INSERT INTO "Referral" SELECT (jsonb_populate_record(r, jsonb_build_object('id', 'started-' || g))).*
        FROM "Referral" r, generate_series(1, 2000) g WHERE r."id" = ${template.referralId} RETURNING "id")
      INSERT INTO "Pathway" SELECT (jsonb_populate_record(p, jsonb_build_object('id', 'path-' || r."id", 'referralId', r."id", 'phase', 'treatment', 'externalId', NULL))).*
      FROM "Pathway" p, r WHERE p."id" = ${template.id}`);
    await sql.run(Prisma.sql`ANALYZE "Referral"`);
    await expectTruth();
    expect(await countOverdueUnassessed([unit.id], TODAY)).toBe(1);

    expect(await whileTableLocked(await appUrl(), "Pathway", () => countOverdueUnassessed([unit.id], TODAY))).toBe(1);
  });
});
