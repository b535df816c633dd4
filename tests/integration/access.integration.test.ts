import { describe, expect, it } from "vitest";
import { getPathwayDetail } from "@/server/pathways/detail";
import { NotFoundError } from "@/server/errors";
import { PermissionDenied } from "@/server/auth/assert";
import { makeActor, makePathway, makeUnit, useAppDatabase } from "./support/app-db";

const TODAY = "2026-11-22";
const { db } = useAppDatabase();

describe("unit scoping of patient data", () => {
  it("answers 404 (not found) for a pathway of another unit, for every role that may read", async () => {
    const [own, other] = [await makeUnit(db()), await makeUnit(db(), "BUP")];
    const clinicianOther = await makeActor(db(), "CLINICIAN", [other.id]);
    const pathway = await makePathway(db(), other.id, clinicianOther.user.id, [["A", null, "2026-09-03"]]);
    for (const role of ["CLINICIAN", "COORDINATOR", "LEADER"] as const) {
      const actor = await makeActor(db(), role, [own.id]);
      await expect(getPathwayDetail(actor, pathway.id, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    }
    // nothing shown: no PATHWAY_VIEWED, only the denied attempts (access-denied-audit.integration.test.ts)
    const audited = await db().auditEvent.findMany({ where: { pathwayId: pathway.id } });
    expect(audited.map((a) => a.action)).toEqual(["ACCESS_DENIED", "ACCESS_DENIED", "ACCESS_DENIED"]);
  });

  it("answers 404 for an id that does not exist or is malformed", async () => {
    const unit = await makeUnit(db());
    const actor = await makeActor(db(), "COORDINATOR", [unit.id]);
    await expect(getPathwayDetail(actor, "does-not-exist", TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPathwayDetail(actor, "'; DROP TABLE \"Pathway\"; --", TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses administrators patient data even in their own unit", async () => {
    const unit = await makeUnit(db());
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    const admin = await makeActor(db(), "ADMIN", [unit.id]);
    const pathway = await makePathway(db(), unit.id, clinician.user.id);
    await expect(getPathwayDetail(admin, pathway.id, TODAY)).rejects.toBeInstanceOf(PermissionDenied);
  });

  it("shows a pathway of the user's own unit and writes an audit row for the read", async () => {
    const unit = await makeUnit(db());
    const clinician = await makeActor(db(), "CLINICIAN", [unit.id]);
    const pathway = await makePathway(db(), unit.id, clinician.user.id, [
      ["A", null, "2026-09-03"],
      ["M", null, "2026-09-10"],
    ]);
    const { evaluation } = await getPathwayDetail(clinician, pathway.id, TODAY);
    expect(evaluation.phase).toBe("basis_assessment");
    const audit = await db().auditEvent.findMany({ where: { pathwayId: pathway.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "PATHWAY_VIEWED",
      userId: clinician.user.id,
      patientId: pathway.patientId,
      ip: "10.0.0.1",
      userAgent: "vitest",
    });
  });
});
