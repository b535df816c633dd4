// The audit log in words a privacy officer (and a patient asking who has seen
// their data) can read: each action's Norwegian description and the channel it
// came through (side, API, eksport, import …), from the action and the few
// keys of its detail that tell them apart. The actions are the schema's enum
// AuditAction (tests/unit/audit-describe.test.ts checks that every one has a text).

export type AuditChannel = "side" | "API" | "eksport" | "import" | "innlogging" | "revisjon";

export const AUDIT_CHANNEL_LABELS: Record<AuditChannel, string> = {
  side: "Side",
  API: "API",
  eksport: "Eksport",
  import: "Import",
  innlogging: "Innlogging",
  revisjon: "Revisjon",
};

/** What each action did, in plain bokmål (the verb phrase of "Bruker X …"). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  LOGIN_SUCCEEDED: "Logget inn",
  LOGIN_FAILED: "Mislykket innlogging",
  LOGIN_RATE_LIMITED: "Innlogging stoppet av grensen for forsøk",
  LOGOUT: "Logget ut",
  PATIENT_CREATED: "Registrerte pasienten",
  PATIENT_LOOKUP: "Søkte opp pasienten på fødselsnummer",
  PATIENT_LINKED: "Knyttet pasienten til enheten",
  PATIENT_LIST_VIEWED: "Så pasienten i en liste",
  PATHWAY_VIEWED: "Åpnet pakkeforløpet",
  PATHWAY_CREATED: "Startet et pakkeforløp",
  PATHWAY_ASSIGNED: "Endret ansvarlig behandler",
  EVENT_CREATED: "Registrerte en kode i forløpet",
  EVENT_ANNULLED: "Annullerte en kode i forløpet",
  REFERRAL_CREATED: "Registrerte en henvisning",
  REFERRAL_LIST_VIEWED: "Så pasienten i henvisningslisten",
  REFERRAL_VIEWED: "Åpnet henvisningen",
  REFERRAL_ASSESSED: "Vurderte henvisningen",
  REFERRAL_ASSESSMENT_CORRECTED: "Rettet vurderingen av henvisningen",
  NOTICE_EXPLAINED: "Forklarte en oppmerksomhet",
  WORKLIST_VIEWED: "Så pasienten på arbeidslisten",
  WORKLIST_POSTPONED: "Utsatte en rad på arbeidslisten",
  WORKLIST_POSTPONEMENT_UNDONE: "Angret en utsettelse på arbeidslisten",
  REPORT_VIEWED: "Åpnet en rapport",
  EXPORT_DOWNLOADED: "Lastet ned en CSV-fil",
  ACCESS_DENIED: "Ble nektet tilgang (annen enhet)",
  AUDIT_SEARCHED: "Søkte i revisjonsloggen",
  ACCESS_REPORT_VIEWED: "Åpnet innsynsloggen",
  AUDIT_PATTERNS_VIEWED: "Åpnet mønstre i revisjonsloggen",
  CLIENT_API_CALL: "Kalte API-et som maskinklient",
  CLIENT_CREATED: "Opprettet en maskinklient",
  CLIENT_REVOKED: "Trakk tilbake en maskinklient",
  EPJ_IMPORTED: "Importerte et uttrekk fra pasientjournalen",
  NOTIFICATIONS_VIEWED: "Så pasienten i varslene",
  RULE_TABLE_VERSION_ADDED: "La til en ny versjon av en regeltabell",
  USER_CREATED: "Opprettet en bruker",
  USER_UPDATED: "Endret en bruker (rolle, enheter eller aktiv)",
  USER_PASSWORD_RESET: "Laget nytt passord for en bruker",
  UNIT_CREATED: "Opprettet en enhet",
  UNIT_UPDATED: "Endret en enhet",
  UNIT_CODES_RECORDED_IN_CHANGED: "Endret hvor enhetens forløpskoder føres (pasientjournalen eller Forløpsvakt)",
};

const LOGIN_ACTIONS = new Set(["LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOGIN_RATE_LIMITED", "LOGOUT"]);
const REVIEW_ACTIONS = new Set(["AUDIT_SEARCHED", "ACCESS_REPORT_VIEWED", "AUDIT_PATTERNS_VIEWED"]);

const LIST_NAMES: Record<string, string> = {
  own: "Mine pasienter",
  worklist: "arbeidslisten",
  postponed: "Utsatte rader",
  "report-drill-down": "en rapport",
  audit: "revisjonsloggen",
  "import-plan": "planen for en import",
  "import-job": "resultatet av en import",
  "import-reconciliation": "avstemmingen mot pasientjournalen",
};

function record(detail: unknown): Record<string, unknown> {
  return detail !== null && typeof detail === "object" && !Array.isArray(detail) ? (detail as Record<string, unknown>) : {};
}

export function auditChannel(action: string, detail: unknown): AuditChannel {
  const d = record(detail);
  if (LOGIN_ACTIONS.has(action)) return "innlogging";
  if (REVIEW_ACTIONS.has(action)) return "revisjon";
  if (action === "EXPORT_DOWNLOADED") return "eksport";
  if (action === "EPJ_IMPORTED" || d.importJobId !== undefined || d.import === true || d.source === "import") return "import";
  if (action === "CLIENT_API_CALL") return "API";
  if (d.api === true || d.list === "api" || d.client !== undefined || d.clientId !== undefined) return "API";
  return "side";
}

// why a single sign-on was refused (detail.reason, src/domain/single-sign-on.ts)
const SSO_REFUSAL_LABELS: Record<string, string> = {
  unknown: "ingen bruker med e-postadressen",
  inactive: "brukeren er deaktivert",
  linked_elsewhere: "brukeren er knyttet til en annen identitet",
  unverified_email: "e-postadressen er ikke bekreftet",
  unknown_hpr: "ingen bruker med HPR-nummeret",
  no_hpr: "HelseID oppga ikke HPR-nummer",
  security_level: "for lavt sikkerhetsnivå",
};

/** "Åpnet pakkeforløpet", "Lastet ned en CSV-fil (arbeidslisten)", "Registrerte en kode i forløpet (M)". */
export function describeAudit(action: string, detail: unknown): string {
  const d = record(detail);
  const base = AUDIT_ACTION_LABELS[action] ?? action;
  if ((action === "EVENT_CREATED" || action === "EVENT_ANNULLED") && typeof d.code === "string") {
    return `${base} (${d.code}${typeof d.outcome === "string" && d.outcome ? d.outcome : ""})`;
  }
  if (action === "EXPORT_DOWNLOADED") {
    const list = typeof d.list === "string" ? LIST_NAMES[d.list] : typeof d.report === "string" ? "en rapport" : undefined;
    return list ? `${base} (${list})` : base;
  }
  if (action === "LOGIN_FAILED" && d.method === "oidc" && typeof d.reason === "string" && SSO_REFUSAL_LABELS[d.reason]) {
    return `${base} med enkel pålogging (${SSO_REFUSAL_LABELS[d.reason]})`;
  }
  if (action === "PATIENT_LIST_VIEWED" && typeof d.list === "string" && LIST_NAMES[d.list]) return `Så pasienten i ${LIST_NAMES[d.list]}`;
  if (action === "PATIENT_LOOKUP" && d.matched === false) return "Søkte på et fødselsnummer uten treff";
  return base;
}
