import { describe, expect, it } from "vitest";
import { makeNationalId } from "@/domain/national-id";
import { createPatient } from "@/server/patients/service";
import { ConflictError, ValidationError } from "@/server/errors";
import { makeActor, makeUnit, useAppDatabase } from "./support/app-db";

const { db } = useAppDatabase();

describe("registering a patient", () => {
  it("stores a valid patient with the birth date from the id, and audits the write", async () => {
    const unit = await makeUnit(db());
    const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
    const nationalId = makeNationalId("1991-07-04", 123, { synthetic: true });
    const patient = await createPatient(actor, { nationalId, name: "  Ingrid Hansen " });
    expect(patient).toMatchObject({ nationalId, name: "Ingrid Hansen" });
    expect(patient.birthDate.toISOString().slice(0, 10)).toBe("1991-07-04");
    const audit = await db().auditEvent.findMany({ where: { patientId: patient.id } });
    expect(audit.map((a) => a.action)).toEqual(["PATIENT_CREATED"]);
  });

  it("refuses an id with wrong check digits with a Norwegian message, storing nothing", async () => {
    const unit = await makeUnit(db());
    const actor = await makeActor(db(), "CLINICIAN", [unit.id]);
    const before = await db().patient.count();
    const error = await createPatient(actor, { nationalId: "17038504461", name: "Feil Nummer" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.nationalId).toEqual(["Fødselsnummeret er ugyldig: kontrollsifrene stemmer ikke."]);
    expect(await db().patient.count()).toBe(before);
  });

  it("refuses a second patient with the same id", async () => {
    const unit = await makeUnit(db());
    const actor = await makeActor(db(), "CLINICIAN", [unit.id]);
    const nationalId = makeNationalId("1970-02-02", 55, { synthetic: true });
    await createPatient(actor, { nationalId, name: "Per Olsen" });
    await expect(createPatient(actor, { nationalId, name: "Per Olsen" })).rejects.toBeInstanceOf(ConflictError);
  });
});
