import { describe, expect, it } from "vitest";
import { isRecordId } from "@/lib/record-id";
import { pgPool } from "@/server/db";
import { withConnection } from "@/server/connection";
import { recomputeAllDerived } from "@/server/pathways/derived";
import { generateDataSet } from "@/server/seed/generate";
import { useAppDatabase } from "./support/app-db";

// `npm run generate` writes a region's data set with its derived rows. What it
// stores must be what the app itself would derive from the same events.
const TODAY = "2026-11-22";
const { db } = useAppDatabase();

async function derivedSnapshot() {
  const [items, deadlines, notices, pathways] = await Promise.all([
    db().worklistItem.findMany({ select: { pathwayId: true, key: true, reason: true, dueOn: true }, orderBy: [{ pathwayId: "asc" }, { key: "asc" }] }),
    db().pathwayDeadline.findMany({
      select: { pathwayId: true, kind: true, due: true, completedOn: true, met: true, daysLate: true, cause: true },
      orderBy: [{ pathwayId: "asc" }, { kind: "asc" }, { due: "asc" }],
    }),
    db().pathwayNotice.findMany({ select: { pathwayId: true, noticeKey: true }, orderBy: [{ pathwayId: "asc" }, { noticeKey: "asc" }] }),
    db().pathway.findMany({ select: { id: true, phase: true, status: true, nextDeadlineDue: true }, orderBy: { id: "asc" } }),
  ]);
  return { items, deadlines, notices, pathways };
}

describe("npm run generate", () => {
  it("stores units, staff, patients and pathways with about six events each, derived rows equal to a recompute", async () => {
    const result = await generateDataSet(db(), TODAY, { pathways: 450, units: 3, batchSize: 100, seed: 11 });
    expect(result).toMatchObject({ units: 3, pathways: 450 });
    expect(await db().pathway.count()).toBe(450);
    expect(await db().pathwayEvent.count()).toBe(result.events);
    expect(result.events / 450).toBeGreaterThan(4);
    expect(await db().unit.count()).toBe(3);
    expect(await db().user.count({ where: { role: "COORDINATOR" } })).toBe(3);
    // every phase is present, and the coding errors the worklist exists for
    const phases = new Set((await db().pathway.findMany({ select: { phase: true } })).map((p) => p.phase));
    expect(phases.size).toBeGreaterThanOrEqual(4);
    expect(await db().pathwayNotice.count()).toBeGreaterThan(0);
    expect(await db().worklistItem.count({ where: { reason: "DEADLINE" } })).toBeGreaterThan(0);

    const ids = (await db().pathwayEvent.findMany({ select: { id: true } })).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isRecordId)).toBe(true);

    const generated = await derivedSnapshot();
    await withConnection(pgPool(db()), (connection) => recomputeAllDerived(connection, TODAY));
    expect(await derivedSnapshot()).toEqual(generated);
  });

  it("a second run adds to the first without clashing national ids", async () => {
    const before = await db().patient.count();
    await generateDataSet(db(), TODAY, { pathways: 120, units: 2, batchSize: 50, seed: 11 });
    expect(await db().patient.count()).toBe(before + 120);
  });
});
