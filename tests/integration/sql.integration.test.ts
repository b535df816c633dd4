import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { pgPool } from "@/server/db";
import { pgTransaction, pooled, sqlOf } from "@/server/sql";
import { loadForDerive } from "@/server/pathways/derive-load";
import { registerEvent } from "@/server/events/register";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// The hot paths run SQL on pg directly, the rest through Prisma: both must
// see the same rows, and a pg transaction must commit whole or not at all.

const { db } = useAppDatabase();

const unitCount = async () => (await db().unit.count());

describe("pgTransaction", () => {
  it("commits what the work wrote when it returns", async () => {
    const before = await unitCount();
    await pgTransaction((sql) =>
      sql.rows(Prisma.sql`INSERT INTO "Unit" ("id", "name", "kind", "setting", "healthTrust", "pathwayTypes")
        VALUES (gen_random_uuid()::text, ${`Lagret ${Date.now()}`}, 'DPS', 'POLIKLINIKK', 'Test HF', ARRAY['D11']::"PathwayType"[])`),
    );
    expect(await unitCount()).toBe(before + 1);
  });

  it("rolls back everything the work wrote when it throws, and the connection stays usable", async () => {
    const before = await unitCount();
    await expect(
      pgTransaction(async (sql) => {
        await sql.rows(Prisma.sql`INSERT INTO "Unit" ("id", "name", "kind", "setting", "healthTrust", "pathwayTypes")
          VALUES (gen_random_uuid()::text, ${`Forkastet ${Date.now()}`}, 'DPS', 'POLIKLINIKK', 'Test HF', ARRAY['D11']::"PathwayType"[])`);
        throw new Error("halfway");
      }),
    ).rejects.toThrow("halfway");
    expect(await unitCount()).toBe(before);
    // every connection of the pool still works (none was left inside a transaction)
    const size = pgPool(db()).options.max;
    const answers = await Promise.all(Array.from({ length: size }, () => pooled().rows<{ inTx: boolean }>(Prisma.sql`SELECT now() <> statement_timestamp() AS "inTx"`)));
    expect(answers.flat().every((r) => r.inTx === false)).toBe(true);
  });

  it("cancels a statement that runs longer than 5 s", async () => {
    await expect(pgTransaction((sql) => sql.rows(Prisma.sql`SELECT pg_sleep(6)`))).rejects.toMatchObject({ code: "57014" });
  }, 15_000);
});

describe("pg and Prisma give the same rows", () => {
  it("for a pathway loaded for the rules engine", async () => {
    const unit = await makeUnit(db());
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    const pathway = await makePathway(db(), unit.id, clinician.user.id, [
      ["A", null, "2026-09-03"],
      ["M", null, "2026-09-10"],
    ]);
    await registerEvent(clinician, pathway.id, { code: "F", date: "2026-09-11", justification: "Sendt samme dag." }, "2026-09-20");
    const viaPrisma = await loadForDerive(db(), { ids: [pathway.id] });
    const viaPg = await loadForDerive(pooled(), { ids: [pathway.id] });
    expect(viaPg).toEqual(viaPrisma);
    expect(viaPg[0].input.events).toHaveLength(3);
  });

  it("for the column types the hot queries return (text, int4, bool, json, text[], formatted dates)", async () => {
    const query = Prisma.sql`SELECT 'x'::text AS t, 42::int AS i, true AS b, '{"a":[1,"2"]}'::json AS j,
      ARRAY['u1','u2']::text[] AS a, to_char(DATE '2026-03-29', 'YYYY-MM-DD') AS d, NULL::text AS n`;
    const [prisma] = await sqlOf(db()).rows(query);
    const [pg] = await pooled().rows(query);
    expect(pg).toEqual(prisma);
    expect(pg).toEqual({ t: "x", i: 42, b: true, j: { a: [1, "2"] }, a: ["u1", "u2"], d: "2026-03-29", n: null });
  });
});
