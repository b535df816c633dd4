import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { countOverdueUnassessed, overdueUnassessedSql } from "@/server/referrals/list";
import { UNASSESSED } from "@/server/referrals/scope";
import { fromIsoDate } from "@/lib/dates";
import { lastOverdueReceipt } from "@/domain/referrals";
import { complianceThisMonthSql } from "@/server/worklist/query";
import { sqlOf } from "@/server/sql";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";
import { explainAnalyze, rowsRead } from "./support/plan";

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
// (referral-started.integration.test.ts). Since 2026-11-29 (sixth session) the
// count is a hand-written statement (Prisma's query compiler compiled it anew on
// every view): tested here by its plan and against the Prisma count it replaced.

const TODAY = "2026-11-20";
const { db } = useAppDatabase();

const explain = (query: Prisma.Sql) => explainAnalyze(sqlOf(db()), query);

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
    const plan = await explain(overdueUnassessedSql([unit.id], TODAY));
    expect(plan.filter((n) => n["Relation Name"] === "Pathway")).toEqual([]);
    expect(rowsRead(plan, "Referral")).toBeLessThanOrEqual(1);
  });
});

describe("the overdue unassessed-referral count in SQL", () => {
  it("counts what Prisma's count with UNASSESSED counted, with and without a pathway type", async () => {
    const unit = await makeUnit(db());
    const other = await makeUnit(db());
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id, other.id]);
    const template = await makePathway(db(), unit.id, coordinator.user.id);
    const sql = sqlOf(db());
    // referrals of every kind: received before and after the limit, assessed or not, with a
    // suggested type or not, with a pathway of the type (started or not) or of another, in another unit
    await sql.run(Prisma.sql`
      INSERT INTO "Referral" SELECT (jsonb_populate_record(r, jsonb_build_object(
        'id', 'kind-' || g,
        'unitId', CASE WHEN g % 7 = 0 THEN ${other.id} ELSE r."unitId" END,
        'receivedDate', DATE '2026-10-20' + (g % 25),
        'assessedDate', CASE WHEN g % 5 = 0 THEN '2026-11-01' END,
        'suggestedType', (ARRAY[NULL, 'D11', 'D12'])[1 + g % 3]))).*
      FROM "Referral" r, generate_series(1, 120) g WHERE r."id" = ${template.referralId}`);
    await sql.run(Prisma.sql`
      INSERT INTO "Pathway" SELECT (jsonb_populate_record(p, jsonb_build_object(
        'id', 'kind-path-' || g, 'referralId', 'kind-' || g, 'unitId', r."unitId",
        'type', CASE WHEN g % 4 = 0 THEN 'D12' ELSE 'D11' END,
        'phase', CASE WHEN g % 8 = 0 THEN 'treatment' ELSE 'awaiting_start' END, 'externalId', NULL))).*
      FROM "Pathway" p, generate_series(1, 120) g JOIN "Referral" r ON r."id" = 'kind-' || g
      WHERE p."id" = ${template.id} AND g % 2 = 0`);
    const prismaCount = (units: string[], type?: "D11" | "D12") =>
      db().referral.count({
        where: {
          unitId: { in: units },
          receivedDate: { lte: fromIsoDate(lastOverdueReceipt(TODAY)) },
          AND: [UNASSESSED, ...(type ? [{ OR: [{ suggestedType: type }, { pathways: { some: { type } } }] }] : [])],
        },
      });
    for (const units of [[unit.id], [unit.id, other.id], [other.id]])
      for (const type of [undefined, "D11", "D12"] as const) {
        const expected = await prismaCount(units, type);
        expect(await countOverdueUnassessed(units, TODAY, type), `${units.length} units, ${type ?? "any type"}`).toBe(expected);
      }
    // not vacuous: some are counted, and the type and unit filters change the count
    const all = await countOverdueUnassessed([unit.id, other.id], TODAY);
    expect(all).toBeGreaterThan(await countOverdueUnassessed([unit.id], TODAY, "D12"));
    expect(all).toBeGreaterThan(await countOverdueUnassessed([unit.id], TODAY));
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
