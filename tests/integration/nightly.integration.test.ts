import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma, pgPool } from "@/server/db";
import { withConnection } from "@/server/connection";
import { registerEvent } from "@/server/events/register";
import { assignClinician } from "@/server/pathways/assign";
import { recomputeIfStale } from "@/server/jobs/nightly";
import { recomputeAllDerived, RecomputePageError } from "@/server/pathways/derived";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// The server's nightly job, called as the server calls it (instrumentation.ts
// → scheduleNightlyRecompute → recomputeIfStale, on the app's `prisma`
// export), while registrations race it: what it leaves must be what a full
// recompute gives, and its lock must be free afterwards.

const TODAY = "2026-11-22";
const YESTERDAY = "2026-11-21";
const LOCK_KEY = 4_207_001;
const { db } = useAppDatabase();

let pinned: string | undefined;
beforeAll(() => {
  pinned = process.env.FORLOPSVAKT_TODAY;
  process.env.FORLOPSVAKT_TODAY = TODAY;
});
afterAll(() => {
  if (pinned === undefined) delete process.env.FORLOPSVAKT_TODAY;
  else process.env.FORLOPSVAKT_TODAY = pinned;
});

/** A full recompute from the events alone: the stored digests cleared, so every pathway is compared row by row. */
const fullRecompute = async (day: string) => {
  await db().$executeRaw`UPDATE "Pathway" SET "derivedDigest" = NULL`;
  return withConnection(pgPool(db()), (connection) => recomputeAllDerived(connection, day));
};

/** Every derived value, without the derived rows' own ids (and derivedOn: the day they were last written). */
async function derivedSnapshot() {
  return {
    pathways: await db().pathway.findMany({
      select: { id: true, phase: true, status: true, closedDate: true, nextDeadlineKind: true, nextDeadlineDue: true, noticeCount: true, lastEventDate: true },
      orderBy: { id: "asc" },
    }),
    items: await db().worklistItem.findMany({ omit: { id: true }, orderBy: [{ pathwayId: "asc" }, { key: "asc" }] }),
    deadlines: await db().pathwayDeadline.findMany({ omit: { id: true }, orderBy: [{ pathwayId: "asc" }, { kind: "asc" }, { fromDate: "asc" }] }),
    notices: await db().pathwayNotice.findMany({ omit: { id: true }, orderBy: [{ pathwayId: "asc" }, { noticeKey: "asc" }] }),
  };
}

/** Another session's view of the job's lock: can it be taken (then given back)? */
async function lockIsFree(): Promise<boolean> {
  const other = new pg.Client({ connectionString: pgPool(db()).options.connectionString });
  await other.connect();
  try {
    const { rows } = await other.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1) AS taken", [LOCK_KEY]);
    if (rows[0].taken) await other.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    return rows[0].taken;
  } finally {
    await other.end();
  }
}

/** Other requests keeping the app pool's connections busy until `done()`. */
function busyPool(done: () => boolean): Promise<void>[] {
  return Array.from({ length: 4 }, async () => {
    while (!done()) {
      await pgPool().query("SELECT 1");
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  });
}

/** A change that holds a pathway's row lock while it writes an event (first attendance), until committed. */
async function changeInProgress(pathwayId: string, userId: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const change = db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Pathway" WHERE "id" = ${pathwayId} FOR NO KEY UPDATE`;
    await tx.$executeRaw`
      INSERT INTO "PathwayEvent" ("id", "pathwayId", "code", "clinicalDate", "recordedById")
      VALUES (gen_random_uuid()::text, ${pathwayId}, 'M', '2026-09-10'::date, ${userId})`;
    locked();
    await released;
  });
  await lockTaken;
  return {
    commitAfter: async (ms: number) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      release();
      await change;
    },
  };
}

async function setup(count: number) {
  const unit = await makeUnit(db());
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const pathways = [];
  for (let i = 0; i < count; i++) {
    const events: [string, string | null, string][] = [["A", null, "2026-09-03"]];
    if (i % 3 === 1) events.push(["M", null, "2026-09-20"]);
    if (i % 3 === 2) events.push(["M", null, "2026-09-20"], ["C", "IB", "2026-10-20"]);
    pathways.push(await makePathway(db(), unit.id, clinician.user.id, events));
  }
  // derived yesterday, and no job has run today: the job finds them stale today
  await fullRecompute(YESTERDAY);
  await db().recomputeDay.deleteMany();
  return { unit, clinician, pathways };
}

describe("the server's nightly recompute", () => {
  it("the app's prisma export answers `in` like the client it stands for", () => {
    expect("$transaction" in prisma).toBe(true);
    expect("$queryRaw" in prisma).toBe(true);
  });

  it("locks each page: a change in progress and racing registrations are never overwritten with an older verdict, the result equals a full recompute, and the lock is free afterwards", async () => {
    const { clinician, pathways } = await setup(40);
    const [held, ...others] = pathways;
    const change = await changeInProgress(held.id, clinician.user.id);

    // the server's own entry point, on the app's prisma export
    let jobDone = false;
    // pages of 7: several, two in flight at once
    const job = recomputeIfStale({ batchSize: 7 }).finally(() => (jobDone = true));
    // registrations racing the job, and other requests keeping the pool's connections busy
    const registrations = others
      .filter((_, i) => i % 3 === 0)
      .map((p) => registerEvent(clinician, p.id, { code: "M", date: "2026-09-25" }, TODAY));
    const traffic = busyPool(() => jobDone);
    await Promise.all([change.commitAfter(300), job, ...registrations, ...traffic]);

    const afterJob = await derivedSnapshot();
    expect(afterJob.pathways.find((p) => p.id === held.id)?.phase).toBe("basis_assessment");
    // done for today: the job is not due again today
    expect(await db().recomputeDay.findUnique({ where: { day: new Date(TODAY) } })).not.toBeNull();
    expect(await recomputeIfStale()).toEqual({ status: "fresh" });
    await fullRecompute(TODAY);
    expect(afterJob).toEqual(await derivedSnapshot());
  });

  it("two pages in flight on two connections: each open pathway is written once, by one of them, and the result equals a full recompute", async () => {
    await setup(24);
    // with the earlier tests' pathways: all were derived yesterday
    const all = await db().pathway.findMany({ where: { status: "OPEN" }, select: { id: true } });
    // digests unknown: every open pathway is compared row by row and written
    await db().$executeRaw`UPDATE "Pathway" SET "derivedDigest" = NULL`;
    // which session wrote each pathway row (a trigger of this test's own)
    await db().$executeRawUnsafe(`CREATE TABLE "test_writes" ("pathwayId" text, "backend" int)`);
    await db().$executeRawUnsafe(`CREATE FUNCTION "test_log_write"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO "test_writes" VALUES (NEW."id", pg_backend_pid()); RETURN NEW; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER "test_log_write" AFTER UPDATE ON "Pathway" FOR EACH ROW EXECUTE FUNCTION "test_log_write"()`);
    try {
      expect(await recomputeIfStale({ batchSize: 5 })).toEqual({ status: "recomputed", pathways: all.length });
      const writes = await db().$queryRawUnsafe<{ pathwayId: string; backend: number }[]>(`SELECT * FROM "test_writes"`);
      expect(writes.map((w) => w.pathwayId).sort()).toEqual(all.map((p) => p.id).sort());
      expect(new Set(writes.map((w) => w.backend)).size).toBe(2);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER "test_log_write" ON "Pathway"`);
      await db().$executeRawUnsafe(`DROP FUNCTION "test_log_write"()`);
      await db().$executeRawUnsafe(`DROP TABLE "test_writes"`);
    }
    const afterJob = await derivedSnapshot();
    await fullRecompute(TODAY);
    expect(afterJob).toEqual(await derivedSnapshot());
    expect(await lockIsFree()).toBe(true);
  });

  it("a page that fails is rolled back alone: the pages before it (and beside it) stay committed, the job reports the page, and the next run does the rest", async () => {
    await setup(15);
    // with the earlier tests' pathways (all derived yesterday), in the job's order
    const ids = (await db().pathway.findMany({ where: { status: "OPEN" }, select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
    // the third page (pages of 3) cannot be written
    const poisoned = ids[7];
    const failedPage = ids.slice(6, 9);
    // digests unknown: every page writes each of its pathways (derivedOn tells which pages committed)
    await db().$executeRaw`UPDATE "Pathway" SET "derivedDigest" = NULL`;
    const before = await derivedSnapshot();
    await db().$executeRawUnsafe(`CREATE FUNCTION "test_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."id" = '${poisoned}' THEN RAISE EXCEPTION 'test: refused'; END IF; RETURN NEW; END $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER "test_refuse" BEFORE UPDATE ON "Pathway" FOR EACH ROW EXECUTE FUNCTION "test_refuse"()`);
    let failure: unknown;
    try {
      await recomputeIfStale({ batchSize: 3 }).catch((error) => (failure = error));
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER "test_refuse" ON "Pathway"`);
      await db().$executeRawUnsafe(`DROP FUNCTION "test_refuse"()`);
    }
    expect(failure).toBeInstanceOf(RecomputePageError);
    const error = failure as RecomputePageError;
    expect(error.firstPathwayId).toBe(failedPage[0]);
    expect(error.message).toContain(failedPage[0]);

    const after = await derivedSnapshot();
    const written = await db().pathway.findMany({ select: { id: true, derivedOn: true } });
    const derivedOn = new Map(written.map((p) => [p.id, p.derivedOn?.toISOString().slice(0, 10)]));
    // the pages before it committed; the failed page is as it was, derived rows and all
    expect(ids.slice(0, 6).map((id) => derivedOn.get(id))).toEqual(Array(6).fill(TODAY));
    const ofPage = <T extends { pathwayId?: string; id?: string }>(rows: T[]) => rows.filter((r) => failedPage.includes(r.pathwayId ?? r.id!));
    expect(ofPage(after.pathways)).toEqual(ofPage(before.pathways));
    expect(ofPage(after.items)).toEqual(ofPage(before.items));
    expect(ofPage(after.deadlines)).toEqual(ofPage(before.deadlines));
    // what it reports as done is what was committed
    expect(ids.filter((id) => derivedOn.get(id) === TODAY).length).toBe(error.pathwaysDone);
    expect(await lockIsFree()).toBe(true);

    // the next run (the next tick) finds the rest stale and recomputes all open pathways
    expect(await recomputeIfStale({ batchSize: 3 })).toEqual({ status: "recomputed", pathways: ids.length });
    const afterRetry = await derivedSnapshot();
    await fullRecompute(TODAY);
    expect(afterRetry).toEqual(await derivedSnapshot());
  });

  it("after a registration and an assignment equals a full recompute, and writes no derived row for a pathway whose derived data are unchanged (same digest)", async () => {
    const { unit, clinician, pathways } = await setup(12);
    const ids = pathways.map((p) => p.id);
    const digests = await db().pathway.findMany({ where: { id: { in: ids } }, select: { derivedDigest: true } });
    expect(digests.every((p) => p.derivedDigest !== null)).toBe(true);
    // another writer of derived data clears the digest: the job compares that pathway row by row
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    await assignClinician(coordinator, { pathwayId: ids[1], clinicianId: clinician.user.id });
    expect((await db().pathway.findUniqueOrThrow({ where: { id: ids[1] } })).derivedDigest).toBeNull();
    await registerEvent(clinician, ids[2], { code: "M", date: "2026-09-25" }, TODAY);
    expect(await recomputeIfStale()).toMatchObject({ status: "recomputed" });
    const afterJob = await derivedSnapshot();
    await fullRecompute(TODAY);
    expect(afterJob).toEqual(await derivedSnapshot());

    // derived as of today already: a second run finds every digest equal and writes no derived row
    await db().$executeRawUnsafe(`CREATE TABLE "test_row_writes" ("pathwayId" text)`);
    await db().$executeRawUnsafe(`CREATE FUNCTION "test_log_row_write"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO "test_row_writes" VALUES (COALESCE(NEW."pathwayId", OLD."pathwayId")); RETURN NULL; END $$`);
    const tables = ["WorklistItem", "PathwayDeadline", "PathwayNotice"];
    for (const table of tables) {
      await db().$executeRawUnsafe(`CREATE TRIGGER "test_log_row_write" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "test_log_row_write"()`);
    }
    try {
      await withConnection(pgPool(db()), (connection) => recomputeAllDerived(connection, TODAY, { onlyOpen: true }));
      expect(await db().$queryRawUnsafe(`SELECT * FROM "test_row_writes"`)).toEqual([]);
    } finally {
      for (const table of tables) await db().$executeRawUnsafe(`DROP TRIGGER "test_log_row_write" ON "${table}"`);
      await db().$executeRawUnsafe(`DROP FUNCTION "test_log_row_write"()`);
      await db().$executeRawUnsafe(`DROP TABLE "test_row_writes"`);
    }
    expect(await derivedSnapshot()).toEqual(afterJob);
  });

  it("releases its lock on the connection that took it, whichever connection the pool hands out next: the next day's job can run", async () => {
    const { pathways } = await setup(10);
    const pool = pgPool();
    // pg-pool hands out the idle connection released last, so one caller's
    // consecutive statements mostly land on one connection, by chance; under
    // load (and with other pools) they do not. Round robin makes that certain.
    const idle = (pool as unknown as { _idle: unknown[] })._idle;
    idle.push = function (...items: unknown[]) {
      return this.unshift(...items);
    };
    try {
      await Promise.all(Array.from({ length: 4 }, () => pool.query("SELECT pg_sleep(0.05)")));
      for (const day of [TODAY, "2026-11-23"]) {
        process.env.FORLOPSVAKT_TODAY = day;
        await recomputeIfStale();
        expect(await lockIsFree(), `after the job of ${day}`).toBe(true);
        // the day's job ran to the end
        expect(await db().recomputeDay.findUnique({ where: { day: new Date(day) } }), `the job of ${day}`).not.toBeNull();
      }
    } finally {
      process.env.FORLOPSVAKT_TODAY = TODAY;
      delete (idle as { push?: unknown }).push;
    }
  });

  it.skipIf(process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1")("does nothing while another session holds the lock (another instance at work)", async () => {
    const { pathways } = await setup(3);
    const other = new pg.Client({ connectionString: pgPool(db()).options.connectionString });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
      expect(await recomputeIfStale()).toEqual({ status: "busy" });
      const stale = await db().pathway.findUniqueOrThrow({ where: { id: pathways[0].id } });
      expect(stale.derivedOn?.toISOString().slice(0, 10)).toBe(YESTERDAY);
    } finally {
      await other.end();
    }
    expect(await recomputeIfStale()).toMatchObject({ status: "recomputed" });
    expect(await recomputeIfStale()).toEqual({ status: "fresh" });
  });
});
