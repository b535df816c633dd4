import type { Role } from "@/domain/permissions";

// What an administrator may not do to a user account, decided without I/O:
// the service (src/server/admin/users/service.ts) reads the facts under a lock
// and asks here. Norwegian messages, for the form and the API alike.

/** Roles that work in units: they need at least one. Administrators and personvern see no patient data and have none. */
export const ROLES_WITH_UNITS: readonly Role[] = ["CLINICIAN", "COORDINATOR", "LEADER"];

export function unitsRefusal(role: Role, unitCount: number): string | null {
  if (ROLES_WITH_UNITS.includes(role)) return unitCount > 0 ? null : "Velg minst én enhet for denne rollen.";
  return unitCount === 0 ? null : "Administrator og personvernansvarlig har ingen enhet: fjern enhetene.";
}

export interface AccountChange {
  actorId: string;
  userId: string;
  before: { role: Role; active: boolean };
  after: { role: Role; active: boolean };
  /** active administrators other than this user */
  otherActiveAdmins: number;
}

/** Why the change is refused, or null. */
export function accountChangeRefusal(change: AccountChange): string | null {
  const { actorId, userId, before, after } = change;
  if (actorId === userId && before.active && !after.active) return "Du kan ikke deaktivere deg selv.";
  const wasAdmin = before.active && before.role === "ADMIN";
  const staysAdmin = after.active && after.role === "ADMIN";
  if (wasAdmin && !staysAdmin && change.otherActiveAdmins === 0) {
    return "Dette er den siste aktive administratoren. Gi en annen bruker rollen administrator først.";
  }
  return null;
}
