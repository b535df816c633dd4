import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Sql } from "@/server/sql";

// Plan tests read PostgreSQL's EXPLAIN (ANALYZE, FORMAT JSON): which nodes ran
// and how many rows each read. Rows read do not depend on the machine's load,
// timings would.

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
};

/** Every node of a plan as EXPLAIN (FORMAT JSON) gives it (its "QUERY PLAN" value), the top one first. */
export function planNodes(queryPlan: unknown): PlanNode[] {
  const all = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(all)];
  return all((queryPlan as { Plan: PlanNode }[])[0].Plan);
}

/** The nodes of the plan the statement ran with. */
export async function explainAnalyze(sql: Sql, query: Prisma.Sql): Promise<PlanNode[]> {
  const [row] = await sql.rows(z.object({ "QUERY PLAN": z.unknown() }), Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
  return planNodes(row["QUERY PLAN"]);
}

/** Rows the plan's scans of a table returned (with `removed`, also those its filters dropped), over all loops. */
export function rowsRead(nodes: PlanNode[], relation: string, { removed = false } = {}): number {
  return nodes
    .filter((n) => n["Relation Name"] === relation)
    .reduce((sum, n) => sum + ((n["Actual Rows"] ?? 0) + (removed ? (n["Rows Removed by Filter"] ?? 0) : 0)) * (n["Actual Loops"] ?? 1), 0);
}
