import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { randomUUID } from "node:crypto";
import { evaluatePathway } from "@/domain/rules";
import { pooled, sqlOf } from "@/server/sql";
import { derivedRows } from "@/server/pathways/derived";
import { loadRegistrationTarget, writeRegistration, type NewEvent } from "@/server/events/register-write";
import { loadForDerive } from "@/server/pathways/derive-load";
import { registerEvent } from "@/server/events/register";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// The hot paths run SQL on pg directly, the rest through Prisma: both must
// see the same rows. A registration is one guarded statement: all or nothing.

const { db } = useAppDatabase();

const TODAY = "2026-09-20";

describe("the registration's single write statement", () => {
  it("writes nothing when the pathway changed since it was read: no event, no audit row, derived rows untouched", async () => {
    const unit = await makeUnit(db());
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    const pathway = await makePathway(db(), unit.id, clinician.user.id, [["A", null, "2026-09-03"]]);
    const stale = (await loadRegistrationTarget(pooled(), pathway.id, [unit.id], null))!;
    // someone else stores a change first
    await registerEvent(clinician, pathway.id, { code: "M", date: "2026-09-10" }, TODAY);
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
    const [prisma] = await sqlOf(db()).rows(query);
    const [pg] = await pooled().rows(query);
    expect(pg).toEqual(prisma);
    expect(pg).toEqual({ t: "x", i: 42, b: true, j: { a: [1, "2"] }, a: ["u1", "u2"], d: "2026-03-29", n: null });
  });
});
