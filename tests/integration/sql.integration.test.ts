import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { randomUUID } from "node:crypto";
import { evaluatePathway } from "@/domain/rules";
import { pooled, sqlOf } from "@/server/sql";
import { loadRegistrationTarget, writeRegistration, type NewEvent } from "@/server/events/register-write";
import { loadForDerive } from "@/server/pathways/derive-load";
import { int8, RowShapeError, sqlDate } from "@/server/sql-rows";
import { z } from "@/lib/zod";
import { registerEvent } from "@/server/events/register";
import { derivedRows, recomputeDerived } from "@/server/pathways/derived";
import { postponeItem } from "@/server/worklist/row-actions";
import type { Actor } from "@/server/auth/current-user";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// The hot paths run SQL on pg directly, the rest through Prisma: both must
// see the same rows. A registration is one guarded statement: all or nothing.

const { db } = useAppDatabase();

const TODAY = "2026-09-20";

describe("the registration's single write statement", () => {
  // what someone else may store between a registration's read and its write
  const changes: [string, (c: { clinician: Actor; coordinator: Actor; pathwayId: string }) => Promise<unknown>][] = [
    ["another registration", ({ clinician, pathwayId }) => registerEvent(clinician, pathwayId, { code: "M", date: "2026-09-10" }, TODAY)],
    [
      "a postponed worklist row",
      async ({ coordinator, pathwayId }) => {
        const { key } = await db().worklistItem.findFirstOrThrow({ where: { pathwayId } });
        await postponeItem(coordinator, { pathwayId, itemKey: key, until: "2026-10-01", reason: "Venter på epikrise" }, TODAY);
      },
    ],
  ];

  it.each(changes)("writes nothing when the pathway changed since it was read (%s): no event, no audit row, derived rows untouched", async (_label, change) => {
    const unit = await makeUnit(db());
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const pathway = await makePathway(db(), unit.id, clinician.user.id, [["A", null, "2026-09-03"]]);
    await db().$transaction((tx) => recomputeDerived(tx, pathway.id, TODAY));
    const stale = (await loadRegistrationTarget(pooled(), pathway.id, [unit.id], { idempotencyKey: null, userId: clinician.user.id, recentSince: new Date() }))!;
    await change({ clinician, coordinator, pathwayId: pathway.id });
    const snapshot = async () => ({
      events: await db().pathwayEvent.count({ where: { pathwayId: pathway.id } }),
      audit: await db().auditEvent.count({ where: { pathwayId: pathway.id } }),
      items: await db().worklistItem.findMany({ where: { pathwayId: pathway.id }, orderBy: { key: "asc" } }),
      deadlines: await db().pathwayDeadline.findMany({ where: { pathwayId: pathway.id }, orderBy: { kind: "asc" } }),
      columns: await db().pathway.findUniqueOrThrow({ where: { id: pathway.id } }),
    });
    const before = await snapshot();

    const event: NewEvent = {
      id: randomUUID(), pathwayId: pathway.id, code: "L", outcome: null, activityCode: null, date: "2026-09-15",
      recordedAt: new Date().toISOString(), recordedById: clinician.user.id, justification: "Utsatt", idempotencyKey: null, replacesId: null,
    };
    const input = { ...stale.pathway.input, events: [...stale.pathway.input.events, { ...event, annulled: false }] };
    const evaluation = evaluatePathway(input, TODAY);
    const written = await writeRegistration(pooled(), {
      version: stale.version,
      event,
      evaluation,
      today: TODAY,
      rows: derivedRows([{ ...stale.pathway, input }], [evaluation], stale.context),
      audit: { userId: clinician.user.id, action: "EVENT_CREATED", patientId: pathway.patientId, pathwayId: pathway.id },
      meta: clinician.meta,
    });

    expect(written).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
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
    const row = z.object({
      t: z.string(), i: z.number(), b: z.boolean(), j: z.object({ a: z.array(z.union([z.number(), z.string()])) }),
      a: z.array(z.string()), d: sqlDate, n: z.string().nullable(),
    });
    const [prisma] = await sqlOf(db()).rows(row, query);
    const [pg] = await pooled().rows(row, query);
    expect(pg).toEqual(prisma);
    expect(pg).toEqual({ t: "x", i: 42, b: true, j: { a: [1, "2"] }, a: ["u1", "u2"], d: "2026-03-29", n: null });
  });

  it("counts (int8: a bigint through Prisma, a string through pg) as numbers", async () => {
    const query = Prisma.sql`SELECT count(*) AS n, 9007199254740991::bigint AS max FROM generate_series(1, 3)`;
    const row = z.object({ n: int8, max: int8 });
    expect(await sqlOf(db()).rows(row, query)).toEqual([{ n: 3, max: Number.MAX_SAFE_INTEGER }]);
    expect(await pooled().rows(row, query)).toEqual([{ n: 3, max: Number.MAX_SAFE_INTEGER }]);
    const beyond = Prisma.sql`SELECT 9007199254740993::bigint AS n`;
    await expect(pooled().rows(z.object({ n: int8 }), beyond)).rejects.toThrow(/column "n".*9007199254740993 is not a safe integer/);
  });
});

describe("a row of another shape than its query's schema", () => {
  // what a migration renaming a column (or a query edited without its schema) looks like to the code that reads it
  it("is refused through pg and through Prisma, naming the column, the columns that came and the statement", async () => {
    const unit = await makeUnit(db());
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const renamed = Prisma.sql`SELECT "id", "name" AS "fullName" FROM "User" WHERE "id" = ${coordinator.user.id}`;
    const row = z.object({ id: z.string(), name: z.string() });
    for (const sql of [pooled(), sqlOf(db())]) {
      const failure = await sql.rows(row, renamed).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RowShapeError);
      expect((failure as Error).message).toMatch(/^Row 1 of 1 does not have the expected shape: column "name" is missing\. Columns received: id, fullName\. Statement: SELECT "id", "name" AS "fullName" FROM "User"/);
    }
    const retyped = Prisma.sql`SELECT "id", length("name") AS "name" FROM "User" WHERE "id" = ${coordinator.user.id}`;
    await expect(pooled().rows(row, retyped)).rejects.toThrow(/column "name": expected string/);
  });
});
