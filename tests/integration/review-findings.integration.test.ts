import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { makeNationalId } from "@/domain/national-id";
import { planFile, planFileShown, readImportFile, runImportJob, startImportJob } from "@/server/epj-import/run";
import { markNotificationsRead } from "@/server/notifications/service";
import { shownPatientName } from "@/server/pathways/shown-name";
import { addRuleTableVersion } from "@/server/rule-tables/add-version";
import type { Actor } from "@/server/auth/current-user";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

// Findings of the review of the merged branches (issues 18–20): the seams
// between the EPJ import and the rest of the app. The import must follow the
// rules a registration by hand follows: another unit's record of a patient
// never shows through, and codes are judged by the rule tables in force.

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

let seed = 300;
const nid = (birth: string) => makeNationalId(birth, seed++, { synthetic: true });

const HEADER = "event_id,pathway_id,national_id,patient_name,type,setting,referral_received,date,code,outcome";

async function importText(actor: Actor, unit: { id: string; name: string }, text: string) {
  const file = await readImportFile(Buffer.from(text));
  // the units here record their codes in Forløpsvakt (some are coded by hand): the import is a one-time migration
  const jobId = await startImportJob(actor, unit, "uttrekk.csv", file.sha256, { migrate: true });
  return runImportJob(actor, jobId, file, TODAY);
}

describe("the EPJ import at its seams", () => {
  it("a patient only another unit has is linked as by hand: the importing unit sees the name in its file, never the other unit's record, and the link is audited", async () => {
    const [unitA, unitB] = [await makeUnit(db()), await makeUnit(db())];
    const coordinatorA = await makeActor(db(), "COORDINATOR", [unitA.id]);
    const coordinatorB = await makeActor(db(), "COORDINATOR", [unitB.id]);
    const elsewhere = await makePathway(db(), unitA.id, coordinatorA.user.id, [["A", null, "2026-09-03"]]);
    const patient = await db().patient.findUniqueOrThrow({ where: { id: elsewhere.patientId } });

    const text = [HEADER, `e1,X1,${patient.nationalId},Helt Annet Navn,D11,poliklinikk,2026-10-01,2026-10-02,D11A,`].join("\n");
    const report = await importText(coordinatorB, unitB, text);
    expect(report.counts).toMatchObject({ pathwaysCreated: 1, rowsRefused: 0 });

    const imported = await db().pathway.findFirstOrThrow({ where: { unitId: unitB.id, externalId: "X1" }, include: { patient: true } });
    expect(imported.patientId).toBe(patient.id);
    expect(shownPatientName(imported)).toBe("Helt Annet Navn");
    expect(shownPatientName(imported)).not.toBe(patient.name);
    expect(await db().auditEvent.count({ where: { action: "PATIENT_LINKED", pathwayId: imported.id, userId: coordinatorB.user.id } })).toBe(1);
  });

  it("codes are judged by the rule tables in force (as a registration by hand), not the built-in ones", async () => {
    const unit = await makeUnit(db());
    const admin = await makeActor(db(), "ADMIN", []);
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    await addRuleTableVersion(admin, {
      kind: "OUTCOME_LIST", key: "H", effectiveFrom: "2026-10-01", confirmed: true, values: "1 – Behov for hjelp\n2 – Ikke behov",
      source: "NPR kodeverk (test)", reason: "Offisiell liste for hjelpebehov",
    });
    const a = nid("1983-04-05");
    const text = [
      HEADER,
      `e1,T1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`,
      `e2,T1,${a},Ola,D11,poliklinikk,,2026-09-10,D11M,`,
      `e3,T1,${a},Ola,D11,poliklinikk,,2026-10-05,D11H,ZZ`,
    ].join("\n");
    const plan = await planFile(coordinator, unit.id, await readImportFile(Buffer.from(text)), TODAY);
    expect(plan.refused).toEqual([{ line: 4, column: "code", message: expect.stringContaining("ZZ") }]);
    expect(plan.counts).toMatchObject({ eventsCreated: 2, rowsRefused: 1 });
  });

  it("never opens a second open pathway of a type for a patient whose pathway was coded here (by hand or by a machine client), as a registration by hand refuses it", async () => {
    const unit = await makeUnit(db());
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const byHand = await makePathway(db(), unit.id, coordinator.user.id, [["A", null, "2026-09-03"]]);
    const patient = await db().patient.findUniqueOrThrow({ where: { id: byHand.patientId } });
    const text = [HEADER, `e1,Y1,${patient.nationalId},${patient.name},D11,poliklinikk,2026-10-01,2026-10-02,D11A,`].join("\n");
    const plan = await planFile(coordinator, unit.id, await readImportFile(Buffer.from(text)), TODAY);
    expect(plan.refused).toEqual([{ line: 2, column: "pathway_id", message: expect.stringContaining("allerede et åpent forløp D11") }]);
    const report = await importText(coordinator, unit, text);
    expect(report.counts).toMatchObject({ pathwaysCreated: 0, rowsRefused: 1 });
    expect(await db().pathway.count({ where: { unitId: unit.id, patientId: patient.id, status: "OPEN" } })).toBe(1);
  });

  it("the dry run on the page that shows stored pathways (unchanged, corrected, missing from the file) leaves an audit row naming their patients; one of new pathways only writes nothing", async () => {
    const unit = await makeUnit(db());
    const coordinator = await makeActor(db(), "COORDINATOR", [unit.id]);
    const [a, b] = [nid("1984-05-06"), nid("1985-06-07")];
    const shownRows = () => db().auditEvent.findMany({ where: { action: "PATIENT_LIST_VIEWED", userId: coordinator.user.id } });
    // nothing stored yet: the plan shows only the file's own rows
    const fresh = await readImportFile(Buffer.from([HEADER, `e9,Z9,${nid("1986-07-08")},Per,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`].join("\n")));
    await planFileShown(coordinator, unit.id, fresh, TODAY);
    expect(await shownRows()).toEqual([]);

    await importText(coordinator, unit, [HEADER, `e1,Z1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`, `e2,Z2,${b},Kari,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`].join("\n"));
    const stored = await db().pathway.findMany({ where: { unitId: unit.id }, select: { externalId: true, patientId: true }, orderBy: { externalId: "asc" } });

    // Z1 unchanged, Z2 missing from the file: both stored pathways are shown
    const again = await readImportFile(Buffer.from([HEADER, `e1,Z1,${a},Ola,D11,poliklinikk,2026-09-01,2026-09-03,D11A,`].join("\n")));
    const plan = await planFileShown(coordinator, unit.id, again, TODAY);
    expect(plan.missing).toEqual([{ pathwayId: "Z2", eventId: "e2" }]);
    const rows = await shownRows();
    expect(rows).toHaveLength(1);
    expect([...rows[0].patientIds].sort()).toEqual(stored.map((p) => p.patientId).sort());
    expect(rows[0].detail).toMatchObject({ list: "import-plan", unitId: unit.id });
  });
});

describe("hostile input at the merged pages' server actions", () => {
  it("marking a notification read with a due date that is no calendar date (2026-02-30) is a validation error, not a database error (a 5xx)", async () => {
    const unit = await makeUnit(db());
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    for (const dueOn of ["2026-02-30", "2026-13-01", "0000-00-00"]) {
      await expect(markNotificationsRead(clinician, { pathwayId: "x", key: "k", dueOn })).rejects.toBeInstanceOf(ZodError);
    }
  });
});

