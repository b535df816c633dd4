import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { makeNationalId } from "@/domain/national-id";
import { writeEpjCsv } from "@/lib/epj-csv";
import type { Actor } from "@/server/auth/current-user";
import { exportUnitRows } from "@/server/epj-export/export";
import { reconciliationsFor } from "@/server/epj-import/reconcile";
import { readImportFile, runImportJob, startImportJob } from "@/server/epj-import/run";
import { annulEvent } from "@/server/events/annul";
import { previewRegistration, registerEvent } from "@/server/events/register";
import { setCodesRecordedIn } from "@/server/units/codes-recorded-in";
import { createTestDatabase } from "../support/db";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// One record of each code (issue 19): a unit's codes are held by the EPJ or by
// Forløpsvakt, never both. EPJ-led: the app refuses to code (409
// codes_recorded_in_epj). Forløpsvakt-led: an import is refused unless a
// one-time migration, and `npm run export` writes the codes in the extract
// format: export → import into an empty database → export gives the same file.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

const setPrisma = (p: PrismaClient | undefined) => ((globalThis as { forlopsvaktPrisma?: PrismaClient }).forlopsvaktPrisma = p);
const code409 = (promise: Promise<unknown>, code: string) => expect(promise).rejects.toMatchObject({ status: 409, code });

async function exportText(p: PrismaClient, unitId: string, filter = {}) {
  return [...writeEpjCsv((await exportUnitRows(p, unitId, filter)).rows)].join("");
}

async function importInto(actor: Actor, unit: { id: string; name: string }, text: string, options: { migrate?: boolean } = {}) {
  const file = await readImportFile(Buffer.from(text));
  const jobId = await startImportJob(actor, unit, "uttrekk.csv", file.sha256, options);
  return runImportJob(actor, jobId, file, TODAY);
}

describe("which system holds a unit's codes", () => {
  it("EPJ leads: registering, previewing and annulling a code in the app are refused with 409, nothing stored", async () => {
    const unit = await makeUnit(db());
    const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
    const admin = await makeActor(db(), "ADMIN", []);
    const pathway = await makePathway(db(), unit.id, actor.user.id, [["A", null, "2026-09-03"]]);
    expect(await setCodesRecordedIn(admin, unit.id, "EPJ")).toEqual({ id: unit.id, codesRecordedIn: "EPJ" });
    expect(await db().auditEvent.count({ where: { action: "UNIT_CODES_RECORDED_IN_CHANGED", userId: admin.user.id } })).toBe(1);

    const input = { code: "M", date: "2026-09-10" };
    await code409(registerEvent(actor, pathway.id, input, TODAY), "codes_recorded_in_epj");
    await code409(previewRegistration(actor, pathway.id, input, TODAY), "codes_recorded_in_epj");
    await code409(annulEvent(actor, pathway.events[0].id, { reason: "feil" }, TODAY), "codes_recorded_in_epj");
    await expect(registerEvent(actor, pathway.id, input, TODAY)).rejects.toThrow(/koder pakkeforløp i pasientjournalen/);
    expect(await db().pathwayEvent.count({ where: { pathwayId: pathway.id } })).toBe(1);
    expect((await db().pathwayEvent.findFirstOrThrow({ where: { pathwayId: pathway.id } })).annulledAt).toBeNull();

    // back to Forløpsvakt: the app codes again; only the administrator may switch, and only to a known value
    await expect(setCodesRecordedIn(actor, unit.id, "FORLOPSVAKT")).rejects.toThrow();
    await expect(setCodesRecordedIn(admin, unit.id, "BEGGE")).rejects.toMatchObject({ status: 422 });
    await setCodesRecordedIn(admin, unit.id, "FORLOPSVAKT");
    expect((await registerEvent(actor, pathway.id, input, TODAY)).event.code).toBe("M");
  });

  it("Forløpsvakt leads: an import is refused (409) unless a one-time migration; the export round-trips through an empty database", async () => {
    const unit = await makeUnit(db());
    const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
    // coded in the app: one pathway with an annulled and replaced code, one with a name holding ; and "
    const a = await makePathway(db(), unit.id, actor.user.id, [["A", null, "2026-09-03"], ["M", null, "2026-09-20"]]);
    const b = await makePathway(db(), unit.id, actor.user.id, [["A", null, "2026-10-01"]]);
    await db().patient.update({ where: { id: b.patientId }, data: { name: 'Fjell; Kari "Kua"' } });
    await annulEvent(actor, a.events[1].id, { reason: "feil dato", replacement: { code: "M", date: "2026-09-21", justification: "rettet dato" } }, TODAY);
    await registerEvent(actor, b.id, { code: "C", outcome: "P", date: "2026-10-20", justification: "test" }, TODAY);

    const first = await exportText(db(), unit.id);
    const lines = first.split("\r\n");
    expect(lines[0]).toBe("\uFEFFevent_id;pathway_id;national_id;patient_name;type;setting;referral_received;care_deadline;referrer;date;code;outcome");
    expect(lines.filter(Boolean)).toHaveLength(1 + 4); // the annulled code is not exported
    expect(first).toContain(';"Fjell; Kari ""Kua""";D11;poliklinikk;2026-09-01;;Fastlege Test;2026-10-20;D11C;P\r\n');
    expect(await exportText(db(), unit.id, { from: "2026-10-01", to: "2026-10-31" })).toBe([lines[0], ...lines.slice(1).filter((l) => /;2026-10-\d\d;D11/.test(l)), ""].join("\r\n"));

    // into another Forløpsvakt-led unit: refused, nothing stored
    const target = await makeUnit(db());
    const importer = await makeActor(db(), "COORDINATOR", [target.id]);
    await code409(importInto(importer, target, first), "codes_recorded_in_forlopsvakt");
    expect(await db().importJob.count({ where: { unitId: target.id } })).toBe(0);

    // export → import (one-time migration) into an empty database → export: the same file
    const empty = await createTestDatabase();
    const main = db();
    try {
      setPrisma(empty.prisma);
      const unit2 = await makeUnit(empty.prisma);
      const actor2 = await makeActor(empty.prisma, "COORDINATOR", [unit2.id]);
      const report = await importInto(actor2, unit2, first, { migrate: true });
      expect(report.counts).toMatchObject({ pathwaysCreated: 2, eventsCreated: 4, rowsRefused: 0 });
      expect(await exportText(empty.prisma, unit2.id)).toBe(first);
    } finally {
      setPrisma(main);
      await empty.drop();
    }
  });

  it("reconciliation: an EPJ-led unit's page lists what the last extract did not hold and the codes registered here since", async () => {
    const unit = await makeUnit(db());
    const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
    const admin = await makeActor(db(), "ADMIN", []);
    // a code registered in the app before the unit switched to the EPJ
    const own = await makePathway(db(), unit.id, actor.user.id, [["A", null, "2026-09-03"]]);
    await setCodesRecordedIn(admin, unit.id, "EPJ");
    expect(await reconciliationsFor(actor)).toEqual([
      { unitId: unit.id, unitName: unit.name, lastImport: null, missing: [], registeredHere: [{ pathwayKey: own.id, code: "D11A", outcome: null, date: "2026-09-03" }] },
    ]);
    const header = "event_id;pathway_id;national_id;patient_name;type;date;code;outcome";
    const nid = makeNationalId("1980-02-03", 300, { synthetic: true });
    await importInto(actor, unit, [header, `e1;P1;${nid};Ola;D11;2026-09-03;D11A;`, `e2;P1;${nid};Ola;D11;2026-09-10;D11M;`].join("\n"));
    await importInto(actor, unit, [header, `e1;P1;${nid};Ola;D11;2026-09-03;D11A;`].join("\n"), { migrate: false });
    const [r] = await reconciliationsFor(actor);
    expect(r.lastImport?.fileName).toBe("uttrekk.csv");
    expect(r.missing).toEqual([{ pathwayId: "P1", eventId: "e2" }]);
    expect(r.registeredHere).toEqual([]);
  });
});
