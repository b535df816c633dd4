import { expect, test } from "@playwright/test";
import { makeNationalId } from "../../src/domain/national-id";
import { can, type Action, type Role } from "../../src/domain/permissions";
import { builtActions, callAction } from "./action-support";
import { ids, loggedIn, USERS, type Ids } from "./access-support";
import { osloToday } from "./support";

// Every server action × every role × own unit / other unit, from the build's
// list of server actions (.next/server/server-reference-manifest.json): an
// action without a line in ACTIONS fails the first test. Actions are called
// over HTTP as the browser does (POST to their page with a Next-Action header).
// Own-unit calls carry invalid input and other-unit calls name a record the
// user cannot see, so the matrix changes no data.

interface ActionProbe {
  /** null: public (login, logout), not probed */
  action: Action | null;
  /** the page the action is posted to */
  page: (ids: Ids) => string;
  /** arguments refused for their content */
  invalid: (ids: Ids) => unknown[];
  /** otherwise valid arguments naming the other unit's record: answered as not found */
  otherUnit?: (ids: Ids) => unknown[];
}

const tomorrow = () => new Date(Date.parse(`${osloToday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const SAMPLE_CSV = Buffer.from("pathway_id,date,code\nx,2026-01-05,D11A\n").toString("base64");

const ACTIONS: Record<string, ActionProbe> = {
  "src/features/import/actions.ts#planImportAction": {
    action: "epj.import",
    page: () => "/import",
    invalid: (i) => [{ unitId: i.otherUnit, fileName: "", content: SAMPLE_CSV }],
    otherUnit: (i) => [{ unitId: i.otherUnit, fileName: "uttrekk.csv", content: SAMPLE_CSV }],
  },
  "src/features/import/actions.ts#startImportAction": {
    action: "epj.import",
    page: () => "/import",
    invalid: (i) => [{ unitId: i.otherUnit, fileName: "uttrekk.csv", content: SAMPLE_CSV, sha256: "nei" }],
    otherUnit: (i) => [{ unitId: i.otherUnit, fileName: "uttrekk.csv", content: SAMPLE_CSV, sha256: "0".repeat(64) }],
  },
  "src/features/login/login-action.ts#loginAction": { action: null, page: () => "/login", invalid: () => [] },
  "src/features/login/login-action.ts#ssoLoginAction": { action: null, page: () => "/login", invalid: () => [] },
  "src/features/shell/logout-action.ts#logoutAction": { action: null, page: () => "/", invalid: () => [] },
  "src/features/audit-review/actions.ts#searchAuditAction": {
    action: "audit.read",
    page: () => "/revisjon",
    invalid: () => [{ nationalId: "123" }],
  },
  "src/features/own-list/actions.ts#searchOwnPathwaysAction": {
    action: "pathway.list.own",
    page: () => "/mine-pasienter",
    invalid: () => [{ q: "x".repeat(101) }],
  },
  "src/features/new-pathway/actions.ts#createPathwayAction": {
    action: "pathway.create",
    page: () => "/forlop/ny",
    invalid: () => [{}],
    otherUnit: (i) => [
      { nationalId: makeNationalId("2012-03-04", 417, { synthetic: true }), patientName: "Matrise Pasient", unitId: i.otherUnit, type: "D12", referralReceived: osloToday(), referrerName: "Fastlege Matrise" },
    ],
  },
  "src/features/referrals/actions.ts#registerReferralAction": {
    action: "referral.write",
    page: () => "/henvisninger/ny",
    invalid: () => [{}],
    otherUnit: (i) => [
      { nationalId: makeNationalId("2012-03-05", 419, { synthetic: true }), patientName: "Matrise Henvist", unitId: i.otherUnit, receivedDate: osloToday(), referrerName: "Fastlege Matrise" },
    ],
  },
  "src/features/referrals/actions.ts#assessReferralAction": {
    action: "referral.write",
    page: (i) => `/henvisninger/${i.ownReferral}`,
    invalid: (i) => [i.ownReferral, { assessedDate: "2025-02-30", decision: "maybe" }],
    otherUnit: (i) => [i.otherReferral, { assessedDate: osloToday(), decision: "need_no_right" }],
  },
  "src/features/referrals/actions.ts#correctAssessmentAction": {
    action: "referral.write",
    page: (i) => `/henvisninger/${i.ownReferral}`,
    invalid: (i) => [i.ownReferral, { assessedDate: osloToday(), decision: "need_no_right", correctionReason: "" }],
    otherUnit: (i) => [i.otherReferral, { assessedDate: osloToday(), decision: "need_no_right", correctionReason: "Tilgangstest" }],
  },
  "src/features/pathway/name-check-action.ts#checkPatientNameAction": {
    action: "patient.name.check",
    page: (i) => `/forlop/${i.own}`,
    invalid: (i) => [{ pathwayId: i.own, name: "" }],
    otherUnit: (i) => [{ pathwayId: i.other, name: "Tilgang Test" }],
  },
  "src/features/pathway/code-actions.ts#previewCodeAction": {
    action: "event.create",
    page: (i) => `/forlop/${i.own}`,
    invalid: (i) => [i.own, { code: "Q", date: "2025-02-30" }],
    otherUnit: (i) => [i.other, { code: "E", date: osloToday() }],
  },
  "src/features/pathway/code-actions.ts#registerCodeAction": {
    action: "event.create",
    page: (i) => `/forlop/${i.own}`,
    invalid: (i) => [i.own, { code: "Q", date: "2025-02-30" }],
    otherUnit: (i) => [i.other, { code: "L", date: osloToday(), justification: "Tilgangstest" }],
  },
  "src/features/pathway/code-actions.ts#annulEventAction": {
    action: "event.annul",
    page: (i) => `/forlop/${i.own}`,
    invalid: (i) => [i.own, i.event, { reason: "" }],
    otherUnit: (i) => [i.other, i.otherEvent, { reason: "Tilgangstest" }],
  },
  "src/features/pathway/code-actions.ts#previewReplacementAction": {
    action: "event.annul",
    page: (i) => `/forlop/${i.own}`,
    invalid: (i) => [i.event, { replacement: { code: "Q", date: "2025-02-30" } }],
    otherUnit: (i) => [i.otherEvent, { replacement: { code: "M", date: osloToday() } }],
  },
  "src/features/pathway/notice-actions.ts#explainNoticeOnPathwayAction": {
    action: "notice.explain",
    page: (i) => `/forlop/${i.own}`,
    invalid: (i) => [{ pathwayId: i.own, noticeKey: "", justification: "" }],
    otherUnit: (i) => [{ pathwayId: i.other, noticeKey: `MISSING_START|${osloToday()}`, justification: "Tilgangstest" }],
  },
  "src/features/worklist/actions.ts#assignClinicianAction": {
    action: "pathway.assign",
    page: () => "/arbeidsliste",
    invalid: (i) => [{ pathwayId: i.own, clinicianId: 42 }],
    otherUnit: (i) => [{ pathwayId: i.other, clinicianId: "" }],
  },
  "src/features/worklist/actions.ts#bulkAssignAction": {
    action: "pathway.assign",
    page: () => "/arbeidsliste",
    invalid: (i) => [{ pathwayIds: [i.own, i.own], clinicianId: 42 }],
    otherUnit: (i) => [{ pathwayIds: [i.other], clinicianId: "tilgangstest" }],
  },
  // the user's own units' clinicians: no record of another unit to name, no otherUnit probe
  "src/features/worklist/actions.ts#worklistCliniciansAction": {
    action: "worklist.view",
    page: () => "/arbeidsliste",
    invalid: () => [{ all: false }],
  },
  "src/features/worklist/actions.ts#explainNoticeAction": {
    action: "notice.explain",
    page: () => "/arbeidsliste",
    invalid: (i) => [{ pathwayId: i.own, noticeKey: "", justification: "" }],
    otherUnit: (i) => [{ pathwayId: i.other, noticeKey: `MISSING_START|${osloToday()}`, justification: "Tilgangstest" }],
  },
  "src/features/worklist/actions.ts#postponeItemAction": {
    action: "worklist.postpone",
    page: () => "/arbeidsliste",
    invalid: (i) => [{ pathwayId: i.own, itemKey: "", until: "2025-02-30", reason: "" }],
    otherUnit: (i) => [{ pathwayId: i.other, itemKey: "deadline:basis_assessment", until: tomorrow(), reason: "Tilgangstest" }],
  },
  "src/features/worklist/actions.ts#undoPostponementAction": {
    action: "worklist.postpone",
    page: () => "/arbeidsliste/utsatt",
    invalid: (i) => [{ pathwayId: i.own, itemKey: "" }],
    otherUnit: (i) => [{ pathwayId: i.other, itemKey: "inactive" }],
  },
  // a read mark only ever names the user's own notifications (another unit's row marks nothing): no otherUnit probe
  "src/features/notifications/actions.ts#markNotificationReadAction": {
    action: "notifications.view",
    page: () => "/varsler",
    invalid: (i) => [{ pathwayId: i.own, key: "", dueOn: "2025-02-30" }],
  },
  "src/features/notifications/actions.ts#markAllNotificationsReadAction": {
    action: "notifications.view",
    page: () => "/varsler",
    invalid: () => [{ all: false }],
  },
  "src/features/notifications/actions.ts#saveNotificationSettingsAction": {
    action: "notifications.view",
    page: () => "/innstillinger",
    invalid: () => [{ digestEnabled: true, digestTime: "25:00", digestKinds: ["X"], horizonDays: -1 }],
  },
  "src/features/admin/actions.ts#createUserAction": { action: "admin.users", page: () => "/admin/brukere", invalid: () => [{ name: "", email: "x", role: "SUPERUSER", unitIds: [] }, "password"] },
  "src/features/admin/actions.ts#updateUserAction": { action: "admin.users", page: (i) => `/admin/brukere/${i.user}`, invalid: (i) => [i.user, { role: "SUPERUSER" }] },
  "src/features/admin/actions.ts#resetPasswordAction": { action: "admin.users", page: (i) => `/admin/brukere/${i.user}`, invalid: () => ["ikke en id"] },
  "src/features/admin/actions.ts#setCodesRecordedInAction": { action: "admin.units", page: (i) => `/admin/enheter/${i.otherUnit}`, invalid: (i) => [i.otherUnit, "BEGGE"] },
  "src/features/rule-tables/actions.ts#addRuleTableVersionAction": { action: "admin.rules", page: () => "/admin/regeltabeller", invalid: () => [{ kind: "DURATION", key: "", effectiveFrom: "2026-02-30", source: "", reason: "" }] },
  "src/features/admin/actions.ts#createUnitAction": { action: "admin.units", page: () => "/admin/enheter", invalid: () => [{ name: "", code: "!", kind: "X", setting: "Y", pathwayTypes: [] }] },
  "src/features/admin/actions.ts#updateUnitAction": { action: "admin.units", page: (i) => `/admin/enheter/${i.otherUnit}`, invalid: (i) => [i.otherUnit, { name: "" }] },
  "src/features/admin/actions.ts#setUnitActiveAction": { action: "admin.units", page: (i) => `/admin/enheter/${i.otherUnit}`, invalid: (i) => [i.otherUnit, "nei"] },
};

test("every server action in the build has a line in the action matrix", () => {
  expect([...builtActions().keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
});

test("unauthenticated calls of server actions are told the session expired before the action runs", async ({ playwright }) => {
  // not a redirect: the form that sent it shows the message in place and keeps what was typed
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const all = await ids();
  for (const [key, id] of builtActions()) {
    const probe = ACTIONS[key];
    if (!probe || probe.action === null) continue;
    const result = await callAction(request, id, probe.page(all), probe.invalid(all));
    expect([result.status, result.value], key).toEqual([200, { ok: false, code: "session_expired", message: "Økten er utløpt – logg inn igjen.", fieldErrors: {} }]);
  }
  await request.dispose();
});

for (const role of Object.keys(USERS) as Role[]) {
  test(`${role}: every server action allows or refuses as the permission table says, and other units are not found`, async ({ browser }) => {
    test.setTimeout(120_000);
    const request = await loggedIn(browser, USERS[role].email);
    const all = await ids();
    for (const [key, id] of builtActions()) {
      const probe = ACTIONS[key];
      if (!probe || probe.action === null) continue;
      const allowed = can(role, probe.action);
      const own = await callAction(request, id, probe.page(all), probe.invalid(all));
      expect(own.status, `${role} ${key}`).toBe(200);
      if (!allowed) {
        expect(own.value, `${role} ${key}`).toMatchObject({ ok: false, code: "forbidden" });
        continue;
      }
      // allowed: refused for the input, never for the role
      expect(own.value?.ok, `${role} ${key}`).toBe(false);
      expect(own.value?.code, `${role} ${key}`).not.toBe("forbidden");
      // people read these messages: Norwegian, never zod's English defaults
      expect(JSON.stringify(own.value), `${role} ${key}`).not.toMatch(/Invalid|expected|Too (big|small)|Required/);
      if (probe.otherUnit && !USERS[role].units.includes("BUP")) {
        const other = await callAction(request, id, probe.page(all), probe.otherUnit(all));
        expect(other.value, `${role} ${key} (BUP)`).toMatchObject({ ok: false, code: "not_found" });
      }
    }
  });
}
