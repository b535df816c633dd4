import pg from "pg";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { recomputeDerived } from "@/server/pathways/derived";
import { sqlOf } from "@/server/sql";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { listWorklist, pageStatement } from "@/server/worklist/query";
import { listMayBePrepared, segmentRanges } from "@/server/worklist/where";
import { postponedStatement } from "@/server/worklist/postponed";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";
import { explainAnalyze, planNodes, rowsRead, type PlanNode } from "./support/plan";

// The worklist page's statement is prepared (parsed once per connection) when
// no type, setting or clinician filter is set. After five executions
// PostgreSQL may run a prepared statement with its generic plan, made without
// the values: that plan must still read each range of the urgency order
// through the (unitId, reason, dueOn, id) index and stop after a page of rows,
// not read every row of a range and sort them (which it did with the filters
// in the statement as "value IS NULL OR …": 0.4–0.9 s on the 400 000
// generated pathways against ~5 ms). Counted by rows read, not timed.

const TODAY = "2026-11-20";
const { db, appUrl } = useAppDatabase();
const filters = (input: Record<string, string> = {}) => worklistFilterSchema.parse(input);

/** The plan PostgreSQL runs the prepared statement with when it uses the generic plan. */
async function genericPlan(statement: Prisma.Sql): Promise<PlanNode[]> {
  const client = new pg.Client({ connectionString: await appUrl() });
  await client.connect();
  try {
    await client.query(`PREPARE worklist_page AS ${statement.text}`);
    await client.query("SET plan_cache_mode = force_generic_plan");
    // EXECUTE under EXPLAIN takes no bound parameters: the values as literals
    const literal = (value: unknown): string => {
      if (value === null || value === undefined) return "NULL";
      if (Array.isArray(value)) return client.escapeLiteral(`{${value.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`);
      if (value instanceof Date) return client.escapeLiteral(value.toISOString());
      return client.escapeLiteral(String(value));
    };
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE worklist_page(${statement.values.map(literal).join(", ")})`);
    return planNodes(rows[0]["QUERY PLAN"]);
  } finally {
    await client.end();
  }
}

/** A unit with 4 000 worklist rows over four reasons and a year of due dates, analysed. */
async function busyUnit() {
  const unit = await makeUnit(db());
  const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
  const pathway = await makePathway(db(), unit.id, coordinator.user.id, [["A", null, "2026-09-03"]]);
  await recomputeDerived(db(), pathway.id, TODAY);
  await sqlOf(db()).run(Prisma.sql`
    INSERT INTO "WorklistItem" SELECT (jsonb_populate_record(NULL::"WorklistItem", to_jsonb(w) || jsonb_build_object(
      'id', w."id" || '-' || g, 'key', 'plan:' || g,
      'reason', (ARRAY['DEADLINE', 'INACTIVE', 'NOTICE_UNEXPLAINED', 'FEEDBACK_MISSING'])[1 + g % 4],
      'dueOn', DATE '2026-06-01' + (g % 365)))).*
    FROM (SELECT * FROM "WorklistItem" WHERE "pathwayId" = ${pathway.id} LIMIT 1) w, generate_series(1, 4000) g`);
  await sqlOf(db()).run(Prisma.sql`ANALYZE "WorklistItem"`);
  return { unit, coordinator };
}

describe("the worklist page's prepared statement", () => {
  it("reads at most a page of rows per range of the urgency order under its generic plan, through the index", async () => {
    const { coordinator } = await busyUnit();
    const f = filters();
    expect(listMayBePrepared(f)).toBe(true);
    const page = await listWorklist(coordinator, f, TODAY);
    expect(page.rows).toHaveLength(50);

    const plan = await genericPlan(pageStatement(coordinator, f, TODAY, 50));
    expect(plan.filter((n) => n["Relation Name"] === "WorklistItem").map((n) => n["Node Type"])).toEqual(["Index Scan"]);
    const read = rowsRead(plan, "WorklistItem");
    expect(read).toBeGreaterThan(50);
    expect(read).toBeLessThanOrEqual(segmentRanges(f, TODAY).length * 51);
  });

  it("the next page too, and a view grouped by one reason", async () => {
    const { coordinator } = await busyUnit();
    const first = await listWorklist(coordinator, filters(), TODAY);
    for (const f of [filters({ etter: first.nextCursor! }), filters({ grunn: "inaktiv" })]) {
      const plan = await genericPlan(pageStatement(coordinator, f, TODAY, 50));
      expect(plan.filter((n) => n["Relation Name"] === "WorklistItem").map((n) => n["Node Type"])).toEqual(["Index Scan"]);
      expect(rowsRead(plan, "WorklistItem")).toBeLessThanOrEqual(segmentRanges(f, TODAY).length * 51);
    }
  });

  it("is planned once per connection: after five executions PostgreSQL keeps its generic plan", async () => {
    const { coordinator } = await busyUnit();
    const statement = pageStatement(coordinator, filters(), TODAY, 50);
    const client = new pg.Client({ connectionString: await appUrl() });
    await client.connect();
    try {
      for (let i = 0; i < 8; i++) await client.query({ name: "worklist_page", text: statement.text, values: statement.values as unknown[] });
      const { rows } = await client.query("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'worklist_page'");
      expect(rows).toEqual([{ generic_plans: "3", custom_plans: "5" }]);
    } finally {
      await client.end();
    }
  });

  it("is not prepared with a type, setting or clinician filter (planned with its values instead)", () => {
    expect(listMayBePrepared(filters({ type: "D11" }))).toBe(false);
    expect(listMayBePrepared(filters({ setting: "DOGN" }))).toBe(false);
    expect(listMayBePrepared(filters({ behandler: "ingen" }))).toBe(false);
    expect(listMayBePrepared(filters({ grunn: "forfalt", horisont: "30", sortering: "frist" }))).toBe(true);
  });
});

describe("the Utsatt view's statement", () => {
  it("reads the unit's postponed rows only, not every row of the unit", async () => {
    const { unit } = await busyUnit();
    await sqlOf(db()).run(Prisma.sql`UPDATE "WorklistItem" SET "postponedUntil" = DATE '2026-12-01' WHERE "unitId" = ${unit.id} AND "key" IN ('plan:1', 'plan:2', 'plan:3')`);
    await sqlOf(db()).run(Prisma.sql`ANALYZE "WorklistItem"`);
    const plan = await explainAnalyze(sqlOf(db()), postponedStatement([unit.id], TODAY));
    expect(rowsRead(plan, "WorklistItem", { removed: true })).toBe(3);
  });
});
