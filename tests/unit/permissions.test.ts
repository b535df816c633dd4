import { describe, expect, it } from "vitest";
import { ACTIONS, HOME_BY_ROLE, ROLES, SCOPES, can, mayBeResponsible, mayExplainNotice, scopesAllow, type Action, type Role, type Scope } from "@/domain/permissions";
import { API_OPERATIONS } from "@/server/api/operations";

// The full matrix, written out so that any change to the table is a visible
// change to this test.
const EXPECTED: Record<Role, Action[]> = {
  CLINICIAN: ["patient.read", "patient.create", "pathway.list.own", "pathway.create", "event.create", "event.annul", "notice.explain", "notifications.view"],
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
    "epj.import",
    "notifications.view",
  ],
  LEADER: ["patient.read", "referral.read", "worklist.view", "report.view", "export.csv"],
  ADMIN: ["admin.users", "admin.units", "admin.clients", "admin.rules"],
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

// What a machine client's scope allows, written out as the roles' table is.
const SCOPE_EXPECTED: Record<Scope, Action[]> = {
  "pathways:read": ["patient.read", "referral.read", "worklist.view"],
  "events:write": ["event.create", "event.annul"],
  "referrals:write": ["referral.write", "patient.create"],
  "import:write": ["epj.import"],
};

describe("machine client scopes", () => {
  for (const scope of SCOPES) {
    for (const action of ACTIONS) {
      const allowed = SCOPE_EXPECTED[scope].includes(action);
      it(`${scope} ${allowed ? "allows" : "does not allow"} ${action}`, () => {
        expect(scopesAllow([scope], action)).toBe(allowed);
      });
    }
  }

  it("allows nothing for unknown or look-alike scopes, and no scope ever administers or reads the audit log", () => {
    for (const action of ACTIONS) expect(scopesAllow(["admin", "PATHWAYS:READ", "pathways:*", "", null, 42], action)).toBe(false);
    for (const action of ["admin.users", "admin.units", "admin.clients", "admin.rules", "audit.read"] as const) expect(scopesAllow(SCOPES, action)).toBe(false);
  });

  it("every operation open to clients needs a scope that allows its permission; admin operations need none", () => {
    for (const operation of API_OPERATIONS) {
      if (operation.permission === "public") continue;
      if (operation.permission.startsWith("admin.") || operation.permission === "audit.read") expect(operation.scope, operation.id).toBeUndefined();
      if (operation.scope) expect(scopesAllow([operation.scope], operation.permission), operation.id).toBe(true);
    }
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

describe("who may be responsible for patients", () => {
  it("clinicians always; coordinators only when marked; no other role, marked or not", () => {
    expect(mayBeResponsible({ role: "CLINICIAN", mayBeResponsible: false })).toBe(true);
    expect(mayBeResponsible({ role: "COORDINATOR", mayBeResponsible: false })).toBe(false);
    expect(mayBeResponsible({ role: "COORDINATOR", mayBeResponsible: true })).toBe(true);
    for (const role of ["LEADER", "ADMIN", "PRIVACY_OFFICER", "SOMETHING"]) expect(mayBeResponsible({ role, mayBeResponsible: true }), role).toBe(false);
  });
});
