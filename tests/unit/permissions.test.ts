import { describe, expect, it } from "vitest";
import { ACTIONS, HOME_BY_ROLE, ROLES, can, mayExplainNotice, type Action, type Role } from "@/domain/permissions";

// The full matrix, written out so that any change to the table is a visible
// change to this test.
const EXPECTED: Record<Role, Action[]> = {
  CLINICIAN: ["patient.read", "patient.create", "pathway.list.own", "pathway.create", "event.create", "event.annul", "notice.explain"],
  COORDINATOR: [
    "patient.read",
    "patient.create",
    "patient.name.check",
    "pathway.list.own",
    "pathway.create",
    "pathway.assign",
    "event.create",
    "event.annul",
    "notice.explain",
    "referral.read",
    "referral.write",
    "worklist.view",
    "worklist.postpone",
    "report.view",
    "export.csv",
  ],
  LEADER: ["patient.read", "referral.read", "worklist.view", "report.view", "export.csv"],
  ADMIN: ["admin.users", "admin.units"],
  PRIVACY_OFFICER: ["audit.read"],
};

describe("permission table", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it("refuses unknown, missing and look-alike roles", () => {
    for (const role of ["SUPERUSER", "clinician", "", null, undefined, 42, {}]) {
      for (const action of ACTIONS) expect(can(role, action)).toBe(false);
    }
  });

  it("refuses an action that is not in the table", () => {
    expect(can("COORDINATOR", "delete.everything" as Action)).toBe(false);
  });

  it("gives administrators no access to patient data", () => {
    expect(ACTIONS.filter((a) => a.startsWith("patient.") || a.startsWith("event.")).some((a) => can("ADMIN", a))).toBe(false);
  });

  it("sends every role to a landing page", () => {
    for (const role of ROLES) expect(HOME_BY_ROLE[role]).toMatch(/^\/[a-z-]+$/);
  });
});

describe("who may explain a notice on a pathway", () => {
  const pathway = { responsibleClinicianId: "u-responsible" };
  it("the responsible clinician and any coordinator of the unit", () => {
    expect(mayExplainNotice({ id: "u-responsible", role: "CLINICIAN" }, pathway)).toBe(true);
    expect(mayExplainNotice({ id: "u-coordinator", role: "COORDINATOR" }, pathway)).toBe(true);
  });
  it("not another clinician, nor a clinician of a pathway without one responsible, nor leaders, admins or unknown roles", () => {
    expect(mayExplainNotice({ id: "u-other", role: "CLINICIAN" }, pathway)).toBe(false);
    expect(mayExplainNotice({ id: "u-other", role: "CLINICIAN" }, { responsibleClinicianId: null })).toBe(false);
    for (const role of ["LEADER", "ADMIN", "NURSE"]) expect(mayExplainNotice({ id: "u-responsible", role }, pathway)).toBe(false);
  });
});
