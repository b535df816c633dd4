import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { NOTIFICATION_RULES, notificationWindow } from "@/domain/notifications";
import { unreadCount } from "@/server/notifications/count";
import { itemsCte, oneUser, readSql, unreadCountSqls, type NotificationUser } from "@/server/notifications/query";
import { sqlOf, type Sql } from "@/server/sql";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";
import { explainAnalyze, rowsRead } from "./support/plan";

// The header's "Varsler (n)" count (issue 20, review): each branch stops at
// the cap before the rows are made distinct, instead of a DISTINCT ON over
// every branch's rows; since the sixth session each branch is its own small
// statement (count.ts) and the count stops at the first branch that alone
// has the cap + 1. The number must stay what the earlier statement gave,
// below, at and over the cap, with a worklist row in two branches and with
// rows read, for every kind of user; and it must no longer read every
// worklist row of the units, nor the user's notices once a branch before
// them has the cap + 1.

const TODAY = "2026-11-22";
const NOW = new Date("2026-11-22T08:00:00Z");
const WINDOW = notificationWindow(TODAY, NOW);
const CAP = NOTIFICATION_RULES.countCap;
const { db } = useAppDatabase();

/** The statement before this change, kept here as the reference for the number. */
function earlierCountSql(user: NotificationUser) {
  return Prisma.sql`WITH ${itemsCte(oneUser(user), WINDOW)}
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM items i WHERE NOT ${readSql()} LIMIT ${CAP + 1}) x`;
}

/** The one statement of all six branches that the header sent until the sixth session (capped per branch, distinct at the end). */
function singleStatementCountSql(user: NotificationUser) {
  const cap = CAP + 1;
  return Prisma.sql`WITH ${itemsCte(oneUser(user), WINDOW)}
    SELECT LEAST(count(*), ${cap})::int AS "n" FROM (SELECT 1 FROM items i WHERE NOT ${readSql()}) x`;
}

const n = z.object({ n: z.coerce.number() });
const count = async (sql: Prisma.Sql) => (await sqlOf(db()).rows(n, sql))[0].n;

/** The statements the count sends, recorded. */
function recording(): Sql & { sent: Prisma.Sql[] } {
  const inner = sqlOf(db());
  const sent: Prisma.Sql[] = [];
  return {
    sent,
    rows: (row, query) => {
      sent.push(query);
      return inner.rows(row, query);
    },
    run: (query) => {
      sent.push(query);
      return inner.run(query);
    },
  };
}
const countNow = (user: NotificationUser, sql: Sql = sqlOf(db())) => unreadCount(sql, user, WINDOW);

async function setUp() {
  const unit = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  // two pathways the coordinator coordinates (their legal deadlines are in two branches: mine and my unit's), one referral's pathway
  const mine = [await makePathway(db(), unit.id, coordinator.user.id), await makePathway(db(), unit.id, coordinator.user.id)];
  await db().pathway.updateMany({ where: { id: { in: mine.map((p) => p.id) } }, data: { coordinatorId: coordinator.user.id } });
  const other = await makePathway(db(), unit.id, coordinator.user.id);
  let next = 0;
  /** `k` more overdue worklist rows of a pathway with a reason. */
  const add = (pathwayId: string, reason: string, k: number) => {
    const from = next;
    next += k;
    return sqlOf(db()).run(Prisma.sql`INSERT INTO "WorklistItem" ("id", "pathwayId", "unitId", "type", "setting", "reason", "key", "dueOn")
      SELECT gen_random_uuid()::text, ${pathwayId}, ${unit.id}, 'D11', 'POLIKLINIKK', ${reason}::"WorklistReason", 'k:' || g, '2026-11-01'::date
      FROM generate_series(${from}::int, ${from + k - 1}::int) g`);
  };
  /** `k` more rows of a reason marked read. */
  const read = (reason: string, k: number) =>
    sqlOf(db()).run(Prisma.sql`INSERT INTO "NotificationRead" ("userId", "pathwayId", "itemKey", "dueOn")
      SELECT ${coordinator.user.id}, w."pathwayId", w."key", w."dueOn" FROM "WorklistItem" w WHERE w."unitId" = ${unit.id} AND w."reason" = ${reason}::"WorklistReason"
        AND NOT EXISTS (SELECT 1 FROM "NotificationRead" r WHERE r."userId" = ${coordinator.user.id} AND r."pathwayId" = w."pathwayId" AND r."itemKey" = w."key")
      ORDER BY w."key" LIMIT ${k}`);
  return { user: coordinator.user, mine, other, add, read };
}

describe("the header's Varsler count", () => {
  it("is the number the earlier statement gave: below, at and over the cap, a row in two branches counted once, read rows left out", async () => {
    const { user, mine, other, add, read } = await setUp();
    const same = async (expected: number) => {
      expect(await count(earlierCountSql(user))).toBe(expected);
      expect(await countNow(user)).toBe(expected);
    };
    await same(0);
    // legal deadlines of pathways I coordinate: each in two branches, counted once
    await add(mine[0].id, "LEGAL_DEADLINE", 60);
    await same(60);
    await add(mine[1].id, "LEGAL_DEADLINE", CAP - 1 - 60);
    await same(CAP - 1);
    await add(other.id, "REFERRAL_NOT_ASSESSED", 1);
    await same(CAP);
    await add(other.id, "REFERRAL_NOT_ASSESSED", 1);
    await same(CAP + 1);
    await add(other.id, "REFERRAL_NOT_ASSESSED", 400);
    await same(CAP + 1);
    // read rows: each branch has fewer than the cap unread (98 legal, 50 referrals), together more
    await read("REFERRAL_NOT_ASSESSED", 352);
    await same(CAP + 1);
    await read("REFERRAL_NOT_ASSESSED", 50);
    await same(CAP - 1);
    await read("LEGAL_DEADLINE", 1);
    await same(CAP - 2);
  });

  it("reads at most the cap + 1 worklist rows per branch, not every row of the units", async () => {
    const { user, other, add } = await setUp();
    await add(other.id, "REFERRAL_NOT_ASSESSED", 1200);
    await sqlOf(db()).run(Prisma.sql`ANALYZE "WorklistItem"`);
    expect(await countNow(user)).toBe(CAP + 1);
    let read = 0;
    for (const statement of unreadCountSqls(user, WINDOW, NOTIFICATION_RULES.defaultHorizonDays)) {
      read += rowsRead(await explainAnalyze(sqlOf(db()), statement), "WorklistItem");
    }
    expect(read).toBeLessThanOrEqual(6 * (CAP + 1));
  });

  it("stops at the first branch with the cap + 1 unread rows: a coordinator's unit-wide referrals, before the notices they recorded (fails on the single statement)", async () => {
    const { user, mine, other, add } = await setUp();
    await add(other.id, "REFERRAL_NOT_ASSESSED", 300);
    // 2 000 notices recorded by the coordinator, each with its unexplained worklist row on a pathway they coordinate
    await addNotices(user.id, mine[0].id, mine[0].unitId, 2000, 0);
    await add(mine[1].id, "DEADLINE", 150);
    await sqlOf(db()).run(Prisma.sql`ANALYZE`);
    const sql = recording();
    expect(await countNow(user, sql)).toBe(CAP + 1);
    expect(await count(singleStatementCountSql(user))).toBe(CAP + 1);
    const texts = sql.sent.map((q) => q.text);
    // the horizon, the unit's legal deadlines (none), the unit's referrals (saturated): nothing after them
    expect(texts).toHaveLength(3);
    expect(texts.join("\n")).not.toMatch(/PathwayNotice|"coordinatorId"/);
    // each statement small: no UNION of the branches
    for (const text of texts) expect(text).not.toMatch(/UNION/);
  });

  it("gives the single statement's number for users with mixed data: coordinators, clinicians with deadlines, notices (one row noticed twice), assignments, read rows, other units", async () => {
    const unit = await makeUnit(db());
    const otherUnit = await makeUnit(db());
    const coordinator = (await makeActor(db(), "COORDINATOR", [unit.id])).user;
    const both = (await makeActor(db(), "COORDINATOR", [unit.id, otherUnit.id])).user;
    const clinician = (await makeActor(db(), "CLINICIAN", [unit.id])).user;
    const noticer = (await makeActor(db(), "CLINICIAN", [unit.id])).user;
    const idle = (await makeActor(db(), "CLINICIAN", [unit.id])).user;
    const away = (await makeActor(db(), "CLINICIAN", [otherUnit.id])).user;
    const users = [coordinator, both, clinician, noticer, idle, away];
    const p = [];
    for (let i = 0; i < 4; i++) p.push(await makePathway(db(), unit.id, clinician.id));
    const q = await makePathway(db(), otherUnit.id, away.id);
    await db().pathway.update({ where: { id: p[0].id }, data: { responsibleClinicianId: clinician.id, coordinatorId: coordinator.id } });
    await db().pathway.update({ where: { id: p[1].id }, data: { responsibleClinicianId: clinician.id, responsibleAssignedAt: NOW } });
    await db().pathway.update({ where: { id: p[2].id }, data: { coordinatorId: both.id } });
    await db().pathway.update({ where: { id: q.id }, data: { responsibleClinicianId: away.id, coordinatorId: both.id } });
    let next = 0;
    const add = (pathwayId: string, unitId: string, reason: string, k: number, dueOn: string, clinicianId: string | null, extra = Prisma.empty) => {
      const from = next;
      next += k;
      return sqlOf(db()).run(Prisma.sql`INSERT INTO "WorklistItem" ("id", "pathwayId", "unitId", "type", "setting", "responsibleClinicianId", "reason", "key", "dueOn" ${extra === Prisma.empty ? Prisma.empty : Prisma.sql`, "eventId"`})
        SELECT gen_random_uuid()::text, ${pathwayId}, ${unitId}, 'D11', 'POLIKLINIKK', ${clinicianId}, ${reason}::"WorklistReason", 'm:' || g, ${dueOn}::date ${extra}
        FROM generate_series(${from}::int, ${from + k - 1}::int) g`);
    };
    const same = async (label: string) => {
      for (const user of users) {
        const expected = await count(singleStatementCountSql(user));
        expect({ label, user: user.email, n: await countNow(user) }).toEqual({ label, user: user.email, n: expected });
      }
    };
    await same("nothing");
    await add(p[0].id, unit.id, "DEADLINE", 30, "2026-11-10", clinician.id);
    await add(p[0].id, unit.id, "DEADLINE", 5, "2026-12-20", clinician.id); // beyond the horizon
    await add(p[0].id, unit.id, "LEGAL_DEADLINE_BREACHED", 3, "2026-11-01", clinician.id, Prisma.sql`, 'ev'`); // settled
    await add(p[0].id, unit.id, "LEGAL_DEADLINE", 20, "2026-11-20", clinician.id);
    await add(p[1].id, unit.id, "INACTIVE", 25, "2026-12-30", clinician.id); // newly assigned: any reason but CONCURRENT
    await add(p[1].id, unit.id, "CONCURRENT", 4, "2026-11-01", clinician.id);
    await add(p[2].id, unit.id, "FEEDBACK_MISSING", 40, "2026-11-25", null);
    await add(p[3].id, unit.id, "REFERRAL_NOT_ASSESSED", 45, "2026-11-15", null);
    await add(q.id, otherUnit.id, "DEADLINE", 50, "2026-11-15", away.id);
    await same("rows");
    // notices: 60 recorded by the noticer (one worklist row noticed twice), 10 by the coordinator, explained ones without a row
    await addNotices(noticer.id, p[3].id, unit.id, 60, 0);
    await addNotices(noticer.id, p[3].id, unit.id, 1, 0, false);
    await addNotices(coordinator.id, p[2].id, unit.id, 10, 100);
    await addNotices(noticer.id, p[2].id, unit.id, 5, 200, false);
    await same("notices");
    // over the cap only together (the clinician: 30 + 20 deadlines, 25 + ... assigned; the coordinator: 65 + 45 + ...)
    await add(p[1].id, unit.id, "OUTCOME_NOT_CLOSED", 30, "2026-11-02", clinician.id);
    await add(p[3].id, unit.id, "LEGAL_DEADLINE", 70, "2026-11-21", null);
    await same("over the cap together");
    // read rows: half of everything each user has
    for (const user of users) {
      await sqlOf(db()).run(Prisma.sql`WITH ${itemsCte(oneUser(user), WINDOW)}
        INSERT INTO "NotificationRead" ("userId", "pathwayId", "itemKey", "dueOn") SELECT ${user.id}, i."pathwayId", i."key", i."dueOn" FROM items i WHERE i."key" LIKE '%0' OR i."key" LIKE '%2' OR i."key" LIKE '%4' OR i."key" LIKE '%6' OR i."key" LIKE '%8'`);
    }
    await same("half read");
    await saveHorizon(clinician.id, 30);
    await saveHorizon(coordinator.id, 0);
    await same("other horizons");
    await sqlOf(db()).run(Prisma.sql`UPDATE "WorklistItem" SET "postponedUntil" = '2026-12-01' WHERE "pathwayId" = ${p[0].id}`);
    await same("postponed");
  });
});

/** `k` notices recorded by a user on a pathway, keys from `from`, each with its unexplained worklist row unless `withRow` is false. */
async function addNotices(userId: string, pathwayId: string, unitId: string, k: number, from: number, withRow = true) {
  await sqlOf(db()).run(Prisma.sql`INSERT INTO "PathwayNotice" ("id", "pathwayId", "unitId", "type", "noticeId", "noticeKey", "date", "eventId", "recordedById")
    SELECT gen_random_uuid()::text, ${pathwayId}, ${unitId}, 'D11', 'C_WITHOUT_M', 'notice:' || g, '2026-11-01'::date, 'ev' || g, ${userId}
    FROM generate_series(${from}::int, ${from + k - 1}::int) g`);
  if (withRow)
    await sqlOf(db()).run(Prisma.sql`INSERT INTO "WorklistItem" ("id", "pathwayId", "unitId", "type", "setting", "reason", "key", "dueOn", "noticeId", "eventId")
      SELECT gen_random_uuid()::text, ${pathwayId}, ${unitId}, 'D11', 'POLIKLINIKK', 'NOTICE_UNEXPLAINED', 'notice:' || g, '2026-11-01'::date, 'C_WITHOUT_M', 'ev' || g
      FROM generate_series(${from}::int, ${from + k - 1}::int) g ON CONFLICT DO NOTHING`);
}

async function saveHorizon(userId: string, horizonDays: number) {
  await db().notificationSettings.upsert({ where: { userId }, create: { userId, horizonDays }, update: { horizonDays } });
}
