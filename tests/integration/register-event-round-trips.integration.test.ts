import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerEvent } from "@/server/events/register";
import { loadRegistrationTarget } from "@/server/events/register-write";
import { pgPool } from "@/server/db";
import { viaPg } from "@/server/sql";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// What a registration costs PostgreSQL (README, Performance): after the
// session check, one statement reads (the pathway, its unit's coding system,
// a stored repeat) and one writes, and the read's prepared statement is
// planned once per connection, not on every call.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

async function setup() {
  const unit = await makeUnit(db());
  const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
  const pathways = await Promise.all([1, 2, 3].map(() => makePathway(db(), unit.id, clinician.user.id, [["A", null, "2026-09-03"]])));
  return { unit, clinician, pathways };
}

describe("registering an event: round trips", () => {
  it("is two statements, the read and the write: the unit's coding system is read with the pathway, not by a query of its own", async () => {
    const { clinician, pathways } = await setup();
    // the rule tables are read once and kept (rule-tables/load.ts): not part of each registration
    await registerEvent(clinician, pathways[0].id, { code: "M", date: "2026-09-10", idempotencyKey: "round-trip-0" }, TODAY);
    const sent: string[] = [];
    const query = pg.Client.prototype.query;
    vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as string | { text: string };
      sent.push(typeof config === "string" ? config : config.text);
      return (query as (...a: unknown[]) => unknown).apply(this, args) as never;
    });
    const result = await registerEvent(clinician, pathways[1].id, { code: "M", date: "2026-09-10", idempotencyKey: "round-trip-1" }, TODAY);
    expect(result.duplicate).toBe(false);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toContain(`AS "version"`);
    expect(sent[1]).toContain(`AS "written"`);
  });

  it("the read's prepared statement gets PostgreSQL's generic plan (planned once per connection), with and without a key", async () => {
    const { clinician, pathways } = await setup();
    // one connection, so that pg_prepared_statements shows the statements it prepared
    const pool = new pg.Pool({ connectionString: pgPool(db()).options.connectionString, max: 1 });
    try {
      const sql = viaPg(pool, { prepared: true });
      const recentSince = new Date("2026-11-22T08:00:00Z");
      for (let i = 0; i < 8; i++) {
        for (const idempotencyKey of [`plan-${i}`, null]) {
          const target = await loadRegistrationTarget(sql, pathways[i % 3].id, clinician.user.unitIds, { idempotencyKey, userId: clinician.user.id, recentSince });
          expect(target?.pathway.id).toBe(pathways[i % 3].id);
          expect(target?.unit.codesRecordedIn).toBe("FORLOPSVAKT");
        }
      }
      const { rows } = await pool.query<{ generic: number; custom: number }>(
        `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement LIKE '%AS "version"%'`,
      );
      expect(rows).toHaveLength(2);
      // PostgreSQL plans the first five executions with their values, then compares
      for (const row of rows) expect(row.generic).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  });
});
