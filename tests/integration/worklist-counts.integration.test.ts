import { beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { z } from "zod";
import { makeNationalId } from "@/domain/national-id";
import { Prisma } from "@/generated/prisma/client";
import { pgPool, prisma } from "@/server/db";
import { withConnection } from "@/server/connection";
import { annulEvent } from "@/server/events/annul";
import { registerEvent } from "@/server/events/register";
import { assignClinician } from "@/server/pathways/assign";
import { recomputeAllDerived, recomputeDerived } from "@/server/pathways/derived";
import { assessReferral } from "@/server/referrals/assess";
import { registerReferral } from "@/server/referrals/register";
import { assessReferralBody, registerReferralBody } from "@/server/referrals/schema";
import { generateDataSet } from "@/server/seed/generate";
import { sqlOf } from "@/server/sql";
import { countsByReasonSql, foldWorklistCounts } from "@/server/worklist/counts";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { countItemsByReason, worklistSummary } from "@/server/worklist/query";
import { explainNotice, postponeItem, undoPostponement } from "@/server/worklist/row-actions";
import type { Actor } from "@/server/auth/current-user";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";
import { whileTableLocked } from "./support/table-lock";
import { explainAnalyze, rowsRead } from "./support/plan";

// The worklist summary counts from "WorklistCount" (migration 20261203100000),
// kept by triggers on "WorklistItem". Its promise: the counts always equal what
// counting the items gives. Checked here after every kind of write, two ways:
// key by key (unit, reason, type, setting, due date, postponement, with past
// dates folded) and as the summary shows them, for several filters and days.

const TODAY = "2026-11-22";
const { db, appUrl } = useAppDatabase();
const filters = (input: Record<string, string> = {}) => worklistFilterSchema.parse(input);

const difference = z.object({ missing: z.coerce.number(), extra: z.coerce.number() });

/** Keys whose kept count differs from the items' (both folded the same way). */
async function keyDifferences() {
  const [row] = await sqlOf(db()).rows(difference, Prisma.sql`
    WITH cut AS (SELECT "before" AS b FROM "WorklistCountFold" WHERE "id" = 1),
    items AS (
      SELECT "unitId", "reason", "type", "setting", CASE WHEN "dueOn" >= b THEN "dueOn" ELSE '-infinity' END AS d,
        CASE WHEN "postponedUntil" >= b THEN "postponedUntil" ELSE '-infinity' END AS p, count(*)::bigint AS n
      FROM "WorklistItem", cut GROUP BY 1, 2, 3, 4, 5, 6),
    kept AS (
      SELECT "unitId", "reason", "type", "setting", CASE WHEN "dueOn" >= b THEN "dueOn" ELSE '-infinity' END AS d,
        CASE WHEN "postponedUntil" >= b THEN "postponedUntil" ELSE '-infinity' END AS p, sum("n")::bigint AS n
      FROM "WorklistCount", cut GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum("n") <> 0)
    SELECT (SELECT count(*) FROM (SELECT * FROM items EXCEPT SELECT * FROM kept) a) AS "missing",
      (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM items) b) AS "extra"`);
  return row;
}

const sorted = <T extends { reason: string }>(rows: T[]) => [...rows].sort((a, b) => a.reason.localeCompare(b.reason)).filter((r) => (r as { count?: number }).count !== 0);

/** The kept counts equal the items, key by key and as the summary reads them. */
async function expectCountsExact(actor: Actor, days: string[] = [TODAY]) {
  expect(await keyDifferences()).toEqual({ missing: 0, extra: 0 });
  for (const day of days) {
    for (const f of [filters(), filters({ horisont: "0" }), filters({ horisont: "365", type: "D11" }), filters({ setting: "DOGN" })]) {
      const kept = await sqlOf(db()).rows(
        z.object({ usable: z.boolean(), reason: z.string().nullable(), count: z.coerce.number().nullable(), overdue: z.coerce.number().nullable() }),
        countsByReasonSql(actor.user.unitIds, f, day),
      );
      if (!kept[0].usable) continue;
      const exact = await countItemsByReason(actor, f, day);
      expect(sorted(kept.filter((r) => r.reason !== null).map((r) => ({ reason: r.reason!, count: r.count!, overdue: r.overdue! })))).toEqual(sorted(exact));
    }
  }
}

// the tests of this file share a database: each starts unfolded, with counts
// rebuilt as the migration's backfill does
beforeEach(async () => {
  const sql = sqlOf(db());
  await sql.run(Prisma.sql`TRUNCATE "WorklistCount"`);
  await sql.run(Prisma.sql`UPDATE "WorklistCountFold" SET "before" = '-infinity'`);
  await sql.run(Prisma.sql`
    INSERT INTO "WorklistCount" ("unitId", "reason", "type", "setting", "dueOn", "postponedUntil", "n")
    SELECT "unitId", "reason", "type", "setting", "dueOn", COALESCE("postponedUntil", '-infinity'), count(*)
    FROM "WorklistItem" GROUP BY 1, 2, 3, 4, 5, 6`);
});

let idCounter = Math.floor(Math.random() * 900);
const freshNationalId = () => makeNationalId(`19${50 + (idCounter % 40)}-0${1 + (Math.floor(idCounter / 40) % 9)}-1${idCounter++ % 9}`, 211, { synthetic: true });

async function setup() {
  const unit = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const pathways = [];
  for (const events of [
    [["A", null, "2026-09-03"], ["M", null, "2026-10-01"]],
    [["A", null, "2026-09-03"], ["C", "P", "2026-11-01"]],
    [["A", null, "2026-09-03"]],
    [],
  ] as [string, string | null, string][][]) {
    const p = await makePathway(db(), unit.id, coordinator.user.id, events);
    await recomputeDerived(db(), p.id, TODAY);
    pathways.push(p);
  }
  return { unit, coordinator, clinician, pathways };
}

const itemsOf = (pathwayId: string) => db().worklistItem.findMany({ where: { pathwayId }, orderBy: { key: "asc" } });

describe("the worklist's kept counts", () => {
  it("equal the items after every kind of write", async () => {
    const { unit, coordinator, clinician, pathways } = await setup();
    await expectCountsExact(coordinator);

    // registration, and its annulment
    const { event } = await registerEvent(clinician, pathways[2].id, { code: "M", date: "2026-11-10" } as never, TODAY);
    await expectCountsExact(coordinator);
    await annulEvent(coordinator, event.id, { reason: "Feil kode" }, TODAY);
    await expectCountsExact(coordinator);

    // postponement (a date in the future: left out today, back on that day) and its undo
    const [late] = await itemsOf(pathways[0].id);
    await postponeItem(coordinator, { pathwayId: pathways[0].id, itemKey: late.key, until: "2026-12-01", reason: "Venter på epikrise" }, TODAY);
    await expectCountsExact(coordinator, [TODAY, "2026-12-01", "2026-12-02"]);
    const postponed = (await worklistSummary(coordinator, filters(), TODAY)).total;
    await undoPostponement(coordinator, { pathwayId: pathways[0].id, itemKey: late.key }, TODAY);
    await expectCountsExact(coordinator);
    expect((await worklistSummary(coordinator, filters(), TODAY)).total).toBe(postponed + 1);

    // explanation of a notice
    const notice = (await itemsOf(pathways[1].id)).find((i) => i.reason === "NOTICE_UNEXPLAINED")!;
    await explainNotice(coordinator, { pathwayId: pathways[1].id, noticeKey: notice.key, justification: "Direkte rett til behandling." }, TODAY);
    await expectCountsExact(coordinator);

    // assignment (a column the counts do not carry: nothing to change, still exact)
    await assignClinician(coordinator, { pathwayId: pathways[0].id, clinicianId: clinician.user.id });
    await expectCountsExact(coordinator);

    // referral intake, and its assessment starting a pathway
    const body = registerReferralBody.parse({ nationalId: freshNationalId(), patientName: "Ny Pasient", unitId: unit.id, receivedDate: "2026-11-16", referrerName: "Fastlege" });
    const referral = await registerReferral(coordinator, body, TODAY);
    await expectCountsExact(coordinator);
    await assessReferral(
      coordinator,
      referral.id,
      assessReferralBody.parse({ assessedDate: "2026-11-20", decision: "right", legalDeadline: "2027-01-15", pathway: { type: "D11", setting: "POLIKLINIKK", responsibleClinicianId: clinician.user.id } }),
      TODAY,
    );
    await expectCountsExact(coordinator);

    // the nightly recompute on later days, then the fold of the days past
    const pool = pgPool(prisma);
    await withConnection(pool, (c) => recomputeAllDerived(c, "2026-12-20"));
    await expectCountsExact(coordinator, ["2026-12-20"]);
    await foldWorklistCounts(db(), "2026-12-20");
    await expectCountsExact(coordinator, ["2026-12-20", "2027-01-10"]);
    // a write after the fold (its past dates are folded by the trigger)
    await registerEvent(clinician, pathways[3].id, { code: "A", date: "2026-12-01", justification: "Sen vurdering." } as never, "2026-12-20");
    await expectCountsExact(coordinator, ["2026-12-20"]);

    // rows deleted and changed by hand (an operator's SQL): the triggers see every statement
    await db().worklistItem.deleteMany({ where: { pathwayId: pathways[1].id } });
    await db().worklistItem.updateMany({ where: { pathwayId: pathways[0].id }, data: { dueOn: new Date("2027-01-05T00:00:00Z") } });
    await expectCountsExact(coordinator, ["2026-12-20"]);
  });

  it("equal the items after concurrent registrations, on one pathway and on many", async () => {
    const { coordinator, clinician, pathways } = await setup();
    const more: { id: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const p = await makePathway(db(), coordinator.user.unitIds[0], coordinator.user.id, [["A", null, "2026-09-03"]]);
      await recomputeDerived(db(), p.id, TODAY);
      more.push(p);
    }
    const results = await Promise.allSettled([
      ...[...pathways, ...more].map((p, i) => registerEvent(clinician, p.id, { code: i % 2 ? "M" : "J", date: "2026-11-12" } as never, TODAY)),
      ...[0, 1, 2].map(() => registerEvent(clinician, more[0].id, { code: "F", date: "2026-11-13" } as never, TODAY)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    await expectCountsExact(coordinator);
  });

  it("equal the items after a bulk load and a fold, and a fold never moves back", async () => {
    const url = await appUrl();
    await generateDataSet(db(), TODAY, { pathways: 120, units: 2, batchSize: 40, seed: 3 });
    const coordinator = await makeActor(db(), "COORDINATOR", (await db().unit.findMany()).map((u) => u.id));
    await expectCountsExact(coordinator, [TODAY, "2026-12-31"]);
    await foldWorklistCounts(db(), "2026-11-01");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query(`SELECT "before"::text AS b FROM "WorklistCountFold"`)).rows[0].b).toBe(TODAY);
    } finally {
      await client.end();
    }
    // a day before the fold: the summary counts the items instead, and still agrees
    const early = await worklistSummary(coordinator, filters(), "2026-11-10");
    const exact = await countItemsByReason(coordinator, filters(), "2026-11-10");
    expect(early.total).toBe(exact.reduce((s, r) => s + r.count, 0));
  });
});

describe("the worklist summary's count per reason", () => {
  // Before: it counted the unit's items within the horizon on every view (~21 000
  // index entries for the largest unit of 400 000 generated pathways, ~30 ms).
  it("reads no worklist item, and tens of count rows for thousands of items", async () => {
    const { unit, coordinator, pathways } = await setup();
    const sql = sqlOf(db());
    // 3 000 items over two years of due dates (copies of one item)
    await sql.run(Prisma.sql`
      INSERT INTO "WorklistItem" ("id", "pathwayId", "unitId", "type", "setting", "reason", "key", "dueOn")
      SELECT 'copy-' || g, ${pathways[0].id}, ${unit.id}, 'D11', 'POLIKLINIKK',
        (ARRAY['DEADLINE', 'INACTIVE', 'NOTICE_UNEXPLAINED']::"WorklistReason"[])[1 + g % 3], 'copy:' || g, DATE '2025-01-01' + (g % 700)
      FROM generate_series(1, 3000) g`);
    await foldWorklistCounts(db(), TODAY);
    await sql.run(Prisma.sql`ANALYZE "WorklistCount"`);
    await expectCountsExact(coordinator);

    const plan = await explainAnalyze(sql, countsByReasonSql([unit.id], filters(), TODAY));
    expect(plan.filter((n) => n["Relation Name"] === "WorklistItem")).toEqual([]);
    expect(rowsRead(plan, "WorklistCount")).toBeLessThan(150);

    // and the summary as the page calls it never waits for the items: it
    // answers while another transaction holds every lock on them
    expect(await whileTableLocked(await appUrl(), "WorklistItem", () => worklistSummary(coordinator, filters(), TODAY))).not.toBe("blocked");
  });
});
