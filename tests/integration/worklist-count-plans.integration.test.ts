import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { countOverdueUnassessed } from "@/server/referrals/list";
import { complianceThisMonthSql } from "@/server/worklist/query";
import { sqlOf } from "@/server/sql";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Two counts the worklist page makes on every view, by their plans (rows read
// do not depend on the machine's load, timings would).
//
// The worklist page and Henvisninger count a unit's unassessed referrals past the
// 10-working-day limit on every view (countOverdueUnassessed). On 400 000 generated
// pathways that count took 0.5-1 s: it read every referral of the unit and scanned
// the whole Pathway table for "no pathway past its start", and at 20 users the
// page's connection pool ran dry (5xx). With the indexes of migration
// 20261202150000 it read only the referrals without an assessment date and probed
// Pathway by index for each, since migration 20261203100500 it reads the partial
// index of the unassessed ones (Referral.pathwayStarted) and no Pathway row
// (referral-started.integration.test.ts).

const TODAY = "2026-11-20";
const { db } = useAppDatabase();

// The statement Prisma sends for countOverdueUnassessed (taken from PostgreSQL's log),
// so its plan can be read here.
const prismaCountSql = (unitId: string, lastReceipt: string) => Prisma.sql`
  SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Referral"."id" FROM "public"."Referral"
  WHERE ("public"."Referral"."unitId" IN (${unitId}) AND "public"."Referral"."receivedDate" <= ${lastReceipt}::date
    AND ("public"."Referral"."assessedDate" IS NULL AND "public"."Referral"."pathwayStarted" = ${false}))
  OFFSET ${0}) AS "sub"`;

type Node = { "Node Type": string; "Relation Name"?: string; "Actual Rows"?: number; "Actual Loops"?: number; Plans?: Node[] };
const nodes = (node: Node): Node[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

const explain = async (query: Prisma.Sql) => {
  const [row] = await sqlOf(db()).rows(z.object({ "QUERY PLAN": z.unknown() }), Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
  return nodes((row["QUERY PLAN"] as { Plan: Node }[])[0].Plan);
};

describe("the overdue unassessed-referral count", () => {
  it("reads the unit's unassessed referrals only, and no Pathway row", async () => {
    const unit = await makeUnit(db());
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const template = await makePathway(db(), unit.id, coordinator.user.id);
    const sql = sqlOf(db());
    // 3 000 assessed referrals, each with a started pathway (copies of the template's rows)
    await sql.run(Prisma.sql`
      WITH r AS (
        INSERT INTO "Referral" SELECT (jsonb_populate_record(r, jsonb_build_object('id', 'copy-' || g, 'assessedDate', '2026-09-10'))).*
        FROM "Referral" r, generate_series(1, 3000) g WHERE r."id" = ${template.referralId} RETURNING "id")
      INSERT INTO "Pathway" SELECT (jsonb_populate_record(p, jsonb_build_object('id', 'path-' || r."id", 'referralId', r."id", 'phase', 'treatment'))).*
      FROM "Pathway" p, r WHERE p."id" = ${template.id}`);
    // the template's referral is unassessed with a pathway awaiting its start: counted
    await db().pathway.update({ where: { id: template.id }, data: { phase: "awaiting_start" } });
    await sql.run(Prisma.sql`ANALYZE "Referral"`);
    await sql.run(Prisma.sql`ANALYZE "Pathway"`);

    expect(await countOverdueUnassessed([unit.id], TODAY)).toBe(1);
    const plan = await explain(prismaCountSql(unit.id, "2026-11-06"));
    expect(plan.filter((n) => n["Relation Name"] === "Pathway")).toEqual([]);
    const referralRows = plan.filter((n) => n["Relation Name"] === "Referral").reduce((s, n) => s + (n["Actual Rows"] ?? 0) * (n["Actual Loops"] ?? 1), 0);
    expect(referralRows).toBeLessThanOrEqual(1);
  });
});

// This month's compliance above the list (basis assessment, first evaluation): with
// met and type in the index (migration 20261202150100) an index-only scan, not a
// heap row per deadline (largest unit of 400 000 generated pathways: 25 ms -> 2 ms).
describe("this month's compliance on the worklist page", () => {
  it("is counted from the index alone", async () => {
    const unit = await makeUnit(db());
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const pathway = await makePathway(db(), unit.id, coordinator.user.id);
    const sql = sqlOf(db());
    // 4 000 deadlines of the unit over a year, a third of them this month's kinds
    await sql.run(Prisma.sql`
      INSERT INTO "PathwayDeadline" ("id", "pathwayId", "unitId", "type", "kind", "fromDate", "due", "met", "decidedOn")
      SELECT 'dl-' || g, ${pathway.id}, ${unit.id}, 'D11', (ARRAY['basis_assessment', 'first_evaluation', 'evaluation'])[1 + g % 3],
        DATE '2025-12-01' + (g % 360), DATE '2025-12-01' + (g % 360) + 42, g % 4 <> 0, DATE '2025-12-01' + (g % 360)
      FROM generate_series(1, 4000) g`);
    await sql.run(Prisma.sql`VACUUM ANALYZE "PathwayDeadline"`);

    const counts = await sql.rows(z.object({ kind: z.string(), met: z.coerce.number(), total: z.coerce.number() }), complianceThisMonthSql([unit.id], null, "2026-11-01", "2026-11-25"));
    expect(counts.reduce((s, c) => s + c.total, 0)).toBeGreaterThan(100);
    const scans = (await explain(complianceThisMonthSql([unit.id], null, "2026-11-01", "2026-11-25"))).filter((n) => n["Relation Name"] === "PathwayDeadline");
    expect(scans.map((n) => n["Node Type"])).toEqual(["Index Only Scan"]);
  });
});
