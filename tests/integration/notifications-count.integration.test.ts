import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { NOTIFICATION_RULES, notificationWindow } from "@/domain/notifications";
import { itemsCte, oneUser, readSql, unreadCountSql, type NotificationUser } from "@/server/notifications/query";
import { sqlOf } from "@/server/sql";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// The header's "Varsler (n)" count (issue 20, review): each branch now stops
// at the cap before the rows are made distinct, instead of a DISTINCT ON over
// every branch's rows. The number must stay what the earlier statement gave,
// below, at and over the cap, with a worklist row in two branches and with
// rows read; and it must no longer read every worklist row of the units.

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

const n = z.object({ n: z.coerce.number() });
const count = async (sql: Prisma.Sql) => (await sqlOf(db()).rows(n, sql))[0].n;

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
      expect(await count(unreadCountSql(user, WINDOW))).toBe(expected);
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
    const [row] = await sqlOf(db()).rows(z.object({ "QUERY PLAN": z.unknown() }), Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${unreadCountSql(user, WINDOW)}`);
    type Node = { "Relation Name"?: string; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: Node[] };
    const rowsOf = (node: Node): number =>
      (node["Relation Name"] === "WorklistItem" ? (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1) : 0) + (node.Plans ?? []).reduce((s, p) => s + rowsOf(p), 0);
    const plan = (row["QUERY PLAN"] as { Plan: Node }[])[0].Plan;
    expect(await count(unreadCountSql(user, WINDOW))).toBe(CAP + 1);
    expect(rowsOf(plan)).toBeLessThanOrEqual(6 * (CAP + 1));
  });
});
