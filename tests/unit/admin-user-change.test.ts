import { describe, expect, it } from "vitest";
import { accountChangeRefusal, unitsRefusal } from "@/domain/admin/user-change";

// What an administrator may not do to an account (issue 18).
const admin = { role: "ADMIN" as const, active: true };

describe("account changes", () => {
  it("nobody deactivates themselves, whatever the number of administrators", () => {
    expect(accountChangeRefusal({ actorId: "a", userId: "a", before: admin, after: { ...admin, active: false }, otherActiveAdmins: 5 })).toBe("Du kan ikke deaktivere deg selv.");
  });

  it("the last active administrator keeps the role and stays active; with one other, either is allowed", () => {
    for (const after of [{ role: "LEADER" as const, active: true }, { ...admin, active: false }]) {
      expect(accountChangeRefusal({ actorId: "b", userId: "a", before: admin, after, otherActiveAdmins: 0 })).toMatch(/siste aktive administratoren/);
      expect(accountChangeRefusal({ actorId: "b", userId: "a", before: admin, after, otherActiveAdmins: 1 })).toBeNull();
    }
  });

  it("changes to other roles, and to inactive administrators, are not limited", () => {
    expect(accountChangeRefusal({ actorId: "b", userId: "a", before: { role: "CLINICIAN", active: true }, after: { role: "CLINICIAN", active: false }, otherActiveAdmins: 0 })).toBeNull();
    expect(accountChangeRefusal({ actorId: "b", userId: "a", before: { ...admin, active: false }, after: { role: "LEADER", active: false }, otherActiveAdmins: 0 })).toBeNull();
    expect(accountChangeRefusal({ actorId: "a", userId: "a", before: admin, after: admin, otherActiveAdmins: 0 })).toBeNull();
  });
});

describe("units per role", () => {
  it("clinicians, coordinators and leaders need one; administrators and personvern have none", () => {
    for (const role of ["CLINICIAN", "COORDINATOR", "LEADER"] as const) {
      expect(unitsRefusal(role, 0)).toBe("Velg minst én enhet for denne rollen.");
      expect(unitsRefusal(role, 1)).toBeNull();
    }
    for (const role of ["ADMIN", "PRIVACY_OFFICER"] as const) {
      expect(unitsRefusal(role, 0)).toBeNull();
      expect(unitsRefusal(role, 1)).toMatch(/ingen enhet/);
    }
  });
});
