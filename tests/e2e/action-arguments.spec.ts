import { expect, test } from "@playwright/test";
import { makeNationalId } from "../../src/domain/national-id";
import { can, type Action } from "../../src/domain/permissions";
import { builtActions, callAction, quickPost, type Post } from "./action-support";
import { ids, loggedIn, USERS } from "./access-support";
import { query, snapshot } from "./db-snapshot";
import { forEachConcurrently, osloToday } from "./support";

// Every server action called with hostile argument shapes in place of each
// argument and of each field of an object argument: Prisma operator objects
// ({"not": "x"}, {"in": [...]}), other objects, arrays, numbers, NUL bytes,
// lone surrogates, huge strings. The other arguments are valid, so an action
// that let the hostile value through would change data. Each call is refused
// with a Norwegian message (validation_failed), and the database is unchanged.
// Found by an attack: annulEventAction(p, {"not": "x"}, ...) annulled an
// unrelated event of the caller's unit.

interface Target {
  action: Action;
  page: string;
  /** arguments that would be accepted and change data */
  valid: unknown[];
}

const tomorrow = () => new Date(Date.parse(`${osloToday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function targets(): Promise<Record<string, Target>> {
  const i = await ids();
  const [{ unitId, clinicianId }] = await query<{ unitId: string; clinicianId: string }>(
    `SELECT p."unitId", uu."userId" AS "clinicianId" FROM "Pathway" p JOIN "UserUnit" uu ON uu."unitId" = p."unitId"
     JOIN "User" u ON u.id = uu."userId" AND u.role = 'CLINICIAN' AND u.active WHERE p.id = $1 LIMIT 1`,
    [i.own],
  );
  const [item] = await query<{ pathwayId: string; key: string }>(
    `SELECT w."pathwayId", w.key FROM "WorklistItem" w WHERE w."unitId" = $1 ORDER BY w.id LIMIT 1`,
    [unitId],
  );
  const [notice] = await query<{ pathwayId: string; key: string }>(
    `SELECT w."pathwayId", w.key FROM "WorklistItem" w WHERE w."unitId" = $1 AND w."noticeId" IS NOT NULL ORDER BY w.id LIMIT 1`,
    [unitId],
  );
  const [event] = await query<{ pathwayId: string; id: string }>(
    `SELECT e."pathwayId", e.id FROM "PathwayEvent" e JOIN "Pathway" p ON p.id = e."pathwayId"
     WHERE p."unitId" = $1 AND p.status = 'OPEN' AND e."annulledAt" IS NULL ORDER BY e.id LIMIT 1`,
    [unitId],
  );
  const [waiting] = await query<{ id: string }>(
    `SELECT r.id FROM "Referral" r WHERE r."unitId" = $1 AND r."assessedDate" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Pathway" p WHERE p."referralId" = r.id) ORDER BY r."receivedDate" DESC, r.id LIMIT 1`,
    [unitId],
  );
  const [closed] = await query<{ id: string; assessedDate: string }>(
    `SELECT r.id, to_char(r."assessedDate", 'YYYY-MM-DD') AS "assessedDate" FROM "Referral" r WHERE r."unitId" = $1 AND r.decision = 'FORWARDED' ORDER BY r.id LIMIT 1`,
    [unitId],
  );
  return {
    "src/features/referrals/actions.ts#registerReferralAction": {
      action: "referral.write",
      page: "/henvisninger/ny",
      valid: [{ nationalId: makeNationalId("2011-04-06", 421, { synthetic: true }), patientName: "Fuzz Henvisning", unitId, receivedDate: osloToday(), referrerName: "Fastlege Fuzz" }],
    },
    "src/features/referrals/actions.ts#assessReferralAction": { action: "referral.write", page: `/henvisninger/${waiting.id}`, valid: [waiting.id, { assessedDate: osloToday(), decision: "need_no_right" }] },
    "src/features/referrals/actions.ts#correctAssessmentAction": {
      action: "referral.write",
      page: `/henvisninger/${closed.id}`,
      valid: [closed.id, { assessedDate: closed.assessedDate, decision: "returned", reason: "Fuzz", correctionReason: "Fuzztest av rettelse" }],
    },
    "src/features/own-list/actions.ts#searchOwnPathwaysAction": { action: "pathway.list.own", page: "/mine-pasienter", valid: [{ q: "Nordmann" }] },
    "src/features/new-pathway/actions.ts#createPathwayAction": {
      action: "pathway.create",
      page: "/forlop/ny",
      valid: [{ nationalId: makeNationalId("2011-04-05", 418, { synthetic: true }), patientName: "Fuzz Testesen", unitId, type: "D11", referralReceived: osloToday(), referrerName: "Fastlege Fuzz" }],
    },
    "src/features/pathway/code-actions.ts#previewCodeAction": { action: "event.create", page: `/forlop/${i.own}`, valid: [i.own, { code: "L", date: osloToday(), justification: "Fuzz" }] },
    "src/features/pathway/code-actions.ts#registerCodeAction": { action: "event.create", page: `/forlop/${i.own}`, valid: [i.own, { code: "L", date: osloToday(), justification: "Fuzz" }] },
    "src/features/pathway/code-actions.ts#annulEventAction": { action: "event.annul", page: `/forlop/${event.pathwayId}`, valid: [event.pathwayId, event.id, { reason: "Fuzztest av annullering" }] },
    "src/features/pathway/code-actions.ts#previewReplacementAction": { action: "event.annul", page: `/forlop/${event.pathwayId}`, valid: [event.id, { replacement: { code: "M", date: osloToday() } }] },
    "src/features/pathway/notice-actions.ts#explainNoticeOnPathwayAction": { action: "notice.explain", page: `/forlop/${notice.pathwayId}`, valid: [{ pathwayId: notice.pathwayId, noticeKey: notice.key, justification: "Forklart av fuzztest" }] },
    "src/features/worklist/actions.ts#assignClinicianAction": { action: "pathway.assign", page: "/arbeidsliste", valid: [{ pathwayId: item.pathwayId, clinicianId }] },
    "src/features/worklist/actions.ts#bulkAssignAction": { action: "pathway.assign", page: "/arbeidsliste", valid: [{ pathwayIds: [item.pathwayId], clinicianId }] },
    "src/features/worklist/actions.ts#explainNoticeAction": { action: "notice.explain", page: "/arbeidsliste", valid: [{ pathwayId: notice.pathwayId, noticeKey: notice.key, justification: "Forklart av fuzztest" }] },
    "src/features/worklist/actions.ts#postponeItemAction": { action: "worklist.postpone", page: "/arbeidsliste", valid: [{ pathwayId: item.pathwayId, itemKey: item.key, until: tomorrow(), reason: "Fuzztest" }] },
    "src/features/worklist/actions.ts#undoPostponementAction": { action: "worklist.postpone", page: "/arbeidsliste/utsatt", valid: [{ pathwayId: item.pathwayId, itemKey: item.key }] },
  };
}

/** Invalid in every place an action takes a value (booleans left out: some fields are booleans). */
const HOSTILE: unknown[] = [
  { not: "x" },
  { in: ["a", "b"] },
  { equals: "x" },
  {},
  [],
  ["x"],
  42,
  -1,
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udfffy",
  "x".repeat(100_000),
];

/** Every argument list with one argument, or one field of an object argument, replaced by `value`. */
function variants(valid: unknown[], value: unknown): { where: string; args: unknown[] }[] {
  const out: { where: string; args: unknown[] }[] = [];
  valid.forEach((arg, position) => {
    out.push({ where: `argument ${position}`, args: valid.map((a, j) => (j === position ? value : a)) });
    if (arg && typeof arg === "object") {
      for (const field of Object.keys(arg)) {
        const list = Array.isArray((arg as Record<string, unknown>)[field]);
        // a list of ids takes ["x"] as a well-formed list (an unknown id: not found); there the hostile value is tried as an element below
        if (!(list && Array.isArray(value) && value.every((v) => typeof v === "string"))) {
          out.push({ where: `argument ${position}.${field}`, args: valid.map((a, j) => (j === position ? { ...(a as object), [field]: value } : a)) });
        }
        if (list) out.push({ where: `argument ${position}.${field}[0]`, args: valid.map((a, j) => (j === position ? { ...(a as object), [field]: [value] } : a)) });
      }
    }
  });
  // a required argument left out, and null in its place
  out.push({ where: "no arguments", args: [] });
  valid.forEach((_, position) => out.push({ where: `argument ${position} null`, args: valid.map((a, j) => (j === position ? null : a)) }));
  return out;
}

test("every server action refuses hostile argument shapes with a Norwegian message and changes nothing", async ({ browser }) => {
  test.setTimeout(300_000);
  const all = await targets();
  const built = builtActions();
  // a role allowed to do each, with the DPS unit (where the valid arguments point); logged in first (logging in lands on an audited page)
  const sessions = new Map<string, Post>();
  const roleFor = (action: Action) => (Object.keys(USERS) as (keyof typeof USERS)[]).find((r) => can(r, action) && USERS[r].units[0] === "DPS")!;
  for (const target of Object.values(all)) {
    const role = roleFor(target.action);
    if (!sessions.has(role)) sessions.set(role, await quickPost(await loggedIn(browser, USERS[role].email)));
  }
  const calls: { label: string; post: Post; id: string; page: string; args: unknown[] }[] = [];
  for (const [key, target] of Object.entries(all)) {
    const id = built.get(key);
    expect(id, `${key} is in the build`).toBeTruthy();
    for (const value of HOSTILE) {
      for (const { where, args } of variants(target.valid, value)) {
        calls.push({ label: `${key} ${where} = ${JSON.stringify(value).slice(0, 40)}`, post: sessions.get(roleFor(target.action))!, id: id!, page: target.page, args });
      }
    }
  }
  expect(calls.length).toBeGreaterThan(500);
  const before = await snapshot({ except: ["AuditEvent"] });
  const auditBefore = await query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action::text NOT LIKE 'LOG%'`);
  // checked without Playwright's expect per answer (a reported step each): every wrong answer is listed at the end
  const wrong: string[] = [];
  await forEachConcurrently(calls, 4, async ({ label, post, id, page, args }) => {
    const result = await callAction(post, id, page, args);
    const refused = result.status === 200 && result.value?.ok === false && result.value.code === "validation_failed" && /[a-zæøå]/i.test(result.value.message ?? "")
      && !/Invalid|expected|Too (big|small)|Required|Unrecognized/.test(JSON.stringify(result.value));
    if (!refused) wrong.push(`${label}: ${result.status} ${result.text.slice(0, 200)}`);
  });
  expect(wrong).toEqual([]);
  expect(await snapshot({ except: ["AuditEvent"] })).toEqual(before);
  // refused before any lookup: not even a read was audited
  expect(await query(`SELECT count(*) AS n FROM "AuditEvent" WHERE action::text NOT LIKE 'LOG%'`)).toEqual(auditBefore);
});

test("annulEventAction with {\"not\": id} as the event id annuls nothing (it annulled another event of the unit)", async ({ browser }) => {
  const i = await ids();
  const request = await loggedIn(browser, USERS.COORDINATOR.email);
  const id = builtActions().get("src/features/pathway/code-actions.ts#annulEventAction")!;
  const annulled = () => query<{ n: string }>(`SELECT count(*) AS n FROM "PathwayEvent" WHERE "annulledAt" IS NOT NULL`);
  const before = await annulled();
  for (const eventId of [{ not: "x" }, { not: i.event }, { in: [i.event] }, { startsWith: "" }]) {
    const result = await callAction(request, id, `/forlop/${i.own}`, [i.own, eventId, { reason: "Operatorinjeksjon" }]);
    expect(result.value, JSON.stringify(eventId)).toMatchObject({ ok: false, code: "validation_failed" });
  }
  expect(await annulled()).toEqual(before);
});
