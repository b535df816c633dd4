// The one permission table: role → actions. Every page, server action and
// route handler checks through `can` (via src/server/auth/guard.ts). An action
// is listed only once something checks it (tests/unit/guards-used.test.ts).
// Unit scoping (which records) is separate from this table (which actions).

export const ROLES = ["CLINICIAN", "COORDINATOR", "LEADER", "ADMIN", "PRIVACY_OFFICER"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "patient.read", // open a patient's pathway page
  "patient.create",
  "patient.name.check", // resolve a name discrepancy from linking a patient of another unit
  "pathway.list.own", // Mine pasienter
  "pathway.create",
  "pathway.assign", // change responsible clinician
  "event.create", // register a code
  "event.annul", // correct a code
  "notice.explain",
  "referral.read", // Henvisninger: the referrals of my units and their assessments
  "referral.write", // register a referral, assess it (starting its pathway), correct an assessment
  "worklist.view", // the coordinator's worklist
  "worklist.postpone", // put a worklist row aside until a date
  "report.view", // the leader's compliance reports
  "export.csv",
  "epj.import", // load an extract from the patient record system into an own unit (page /import, npm run import)
  "admin.clients", // machine clients (API access for the EPJ): create, list, revoke
  "admin.rules", // the rule tables: read every version, add a new one
  "admin.users", // administration: users (create, role and units, password, deactivate)
  "admin.units", // administration: units (create, edit, deactivate)
  "audit.read", // the audit log review (revisjon): who saw which patient
  "notifications.view", // Varsler and the digest settings (Innstillinger)
] as const;
export type Action = (typeof ACTIONS)[number];

const PERMISSIONS = {
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
  // Leaders read pathways behind the numbers (drill-down) but do not code.
  LEADER: ["patient.read", "referral.read", "worklist.view", "report.view", "export.csv"],
  // Administrators run the system; they see no patient data.
  ADMIN: ["admin.users", "admin.units", "admin.clients", "admin.rules"],
  // Personvern (the privacy and security officer) reviews the audit log: who
  // looked at a patient's data. No clinical pages.
  PRIVACY_OFFICER: ["audit.read"],
} as const satisfies Record<Role, readonly Action[]>;

/**
 * What a machine client (the EPJ integration) may do: its scopes, given by an
 * administrator, each allowing a few actions, always within the client's
 * units. Each API operation names the one scope it needs; an operation
 * without a scope (administration, worklist row actions) refuses clients.
 */
export const SCOPES = ["pathways:read", "events:write", "referrals:write", "import:write"] as const;
export type Scope = (typeof SCOPES)[number];

const SCOPE_ACTIONS = {
  "pathways:read": ["patient.read", "referral.read", "worklist.view"],
  "events:write": ["event.create", "event.annul"],
  "referrals:write": ["referral.write", "patient.create"],
  // POST /api/v1/units/{unitId}/imports and GET /api/v1/imports/{id}
  "import:write": ["epj.import"],
} as const satisfies Record<Scope, readonly Action[]>;

export const SCOPE_LABELS: Record<Scope, string> = {
  "pathways:read": "Lese forløp, arbeidsliste og henvisninger",
  "events:write": "Registrere og annullere hendelser",
  "referrals:write": "Registrere og vurdere henvisninger",
  "import:write": "Importere uttrekk",
};

export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (SCOPES as readonly string[]).includes(value);
}

/** Whether a client with `scopes` may do `action`; unknown scopes allow nothing. */
export function scopesAllow(scopes: readonly unknown[], action: Action): boolean {
  return scopes.some((scope) => isScope(scope) && (SCOPE_ACTIONS[scope] as readonly Action[]).includes(action));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Unknown roles and unknown actions are refused. */
export function can(role: unknown, action: Action): boolean {
  if (!isRole(role)) return false;
  return (PERMISSIONS[role] as readonly Action[]).includes(action);
}

/**
 * Who may explain a notice on a pathway (beyond `notice.explain`): a
 * coordinator of its unit, or the clinician responsible for it — the one who
 * knows why the coding looks as it does. Another clinician of the unit may not.
 */
export function mayExplainNotice(user: { id: string; role: unknown }, pathway: { responsibleClinicianId: string | null }): boolean {
  if (!can(user.role, "notice.explain")) return false;
  if (user.role === "CLINICIAN") return pathway.responsibleClinicianId === user.id;
  return true;
}

/** Where each role lands after login. */
/**
 * Who may be responsible for patients (the "ansvarlig behandler" lists and the
 * services that assign): clinicians, and coordinators the administrator has
 * marked so in their user profile (many are psychologists or doctors with
 * their own patients). No other role.
 */
export function mayBeResponsible(user: { role: unknown; mayBeResponsible: boolean }): boolean {
  return user.role === "CLINICIAN" || (user.role === "COORDINATOR" && user.mayBeResponsible);
}

export const HOME_BY_ROLE: Record<Role, string> = {
  CLINICIAN: "/mine-pasienter",
  COORDINATOR: "/arbeidsliste",
  LEADER: "/rapporter",
  ADMIN: "/admin",
  PRIVACY_OFFICER: "/revisjon",
};

export const ROLE_LABELS: Record<Role, string> = {
  CLINICIAN: "Behandler",
  COORDINATOR: "Forløpskoordinator",
  LEADER: "Leder",
  ADMIN: "Administrator",
  PRIVACY_OFFICER: "Personvernansvarlig",
};
