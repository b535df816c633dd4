import { expect, test } from "@playwright/test";
import pg from "pg";
import { makeNationalId } from "../../src/domain/national-id";
import { forEachConcurrently, logIn } from "./support";
import { snapshot } from "./db-snapshot";
import { mulberry32 } from "./seeded-random";
import { builtActions, callActionRaw, quickPost } from "./action-support";
import { ids, loggedIn } from "./access-support";

// Bad input, generated from fixed seeds, each invalid by construction so that
// none may be stored: over a thousand malformed or hostile payloads to every
// write route of API v1 and over a thousand to every server action (hostile
// argument shapes, React reply references, bodies over 1 MB, not JSON); the
// hostile URL parameters are in robustness-urls.spec.ts (they write audit
// rows, so run beside other specs, not between these snapshots).
// Never a 5xx; a refusal says why in Norwegian; the database is unchanged
// afterwards (row counts and checksums of every table a write could touch).
// The payloads are drawn first, in the seeds' order, then sent CONCURRENCY at a time.

const CONCURRENCY = 4;

/** The `message` of a JSON answer, if it is one. */
function messageOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { message?: unknown }).message;
  } catch {
    return undefined;
  }
}

const HOSTILE = [
  "'; DROP TABLE \"PathwayEvent\"; --",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${7*7}",
  "../../etc/passwd",
  "\u0000",
  "\u202eRTL",
  "🧠💊🏥",
  "Æ".repeat(10_000),
  "x".repeat(100_000),
  "null",
  "undefined",
  "-1",
  "1e309",
  " ",
];
const BAD_DATES = ["2025-02-30", "2026-13-01", "2026-00-10", "31.12.2026", "2026/11/01", "", "9999-99-99", "2026-11-22T10:00:00Z", "tomorrow"];
const WRONG_TYPES: unknown[] = [null, 42, -1, 3.14, true, false, [], ["M"], {}, { $gt: "" }, { nested: { deeper: { deepest: [1, 2, 3] } } }];

test("1 000+ hostile payloads to every write route: only 4xx, and the database is unchanged", async ({ page }) => {
  test.setTimeout(300_000);
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");

  // an open pathway of the coordinator's unit that has an event to annul
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows: [target] } = await client.query(`
    SELECT p.id AS "pathwayId", e.id AS "eventId" FROM "Pathway" p
    JOIN "Unit" u ON u.id = p."unitId" JOIN "PathwayEvent" e ON e."pathwayId" = p.id
    WHERE u.kind = 'DPS' AND u."codesRecordedIn" = 'FORLOPSVAKT' AND p.status = 'OPEN' ORDER BY p.id, e.id LIMIT 1`);
  const { rows: [waiting] } = await client.query(`
    SELECT r.id FROM "Referral" r JOIN "Unit" u ON u.id = r."unitId"
    WHERE u.kind = 'DPS' AND u."codesRecordedIn" = 'FORLOPSVAKT' AND r."assessedDate" IS NULL AND NOT EXISTS (SELECT 1 FROM "Pathway" p WHERE p."referralId" = r.id) ORDER BY r.id LIMIT 1`);
  await client.end();
  const { pathwayId, eventId } = target as { pathwayId: string; eventId: string };
  const referralId = (waiting as { id: string }).id;

  const rng = mulberry32(20261122);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const junk = () => (rng() < 0.5 ? pick(HOSTILE) : pick(WRONG_TYPES));
  const badId = () => pick(["-1", "0", "' OR 1=1 --", "%00", "x".repeat(500), "🧠", "../events", pathwayId.toUpperCase() + "x"]);

  // Each builder returns a payload that must be refused: at least one field is
  // guaranteed invalid (bad date, unknown code, wrong type, empty reason …).
  // never a valid national id: so no payload below can register a patient or a referral
  const badNationalId = () => pick(["12345678901", "", "0101010101", "010101012345", "abcdefghijk", ...HOSTILE.slice(0, 4)]);
  const routes: { name: string; url: () => string; body: () => unknown; count?: number }[] = [
    {
      name: "register event",
      url: () => (rng() < 0.8 ? `/api/v1/pathways/${pathwayId}/events` : `/api/v1/pathways/${encodeURIComponent(badId())}/events`),
      body: () => pick([
        { code: pick(["Q", "ZZ", "D99M", "", "C"]), outcome: pick(["Z", "", null]), date: pick(BAD_DATES) },
        { code: junk(), date: "2026-01-01" },
        { code: "M", date: pick(BAD_DATES), justification: pick(HOSTILE) },
        { code: "M", date: junk(), idempotencyKey: pick(HOSTILE) },
        { code: "E", date: "2999-01-01" },
        junk(),
      ]),
    },
    {
      name: "annul",
      url: () => (rng() < 0.8 ? `/api/v1/events/${eventId}/annul` : `/api/v1/events/${encodeURIComponent(badId())}/annul`),
      body: () => pick([{ reason: pick(["", " ", "x".repeat(100_000), null, 42, [], {}]) }, { reason: junk(), replacement: { code: junk(), date: pick(BAD_DATES) } }, junk()]),
    },
    {
      name: "assign",
      url: () => `/api/v1/pathways/${rng() < 0.7 ? pathwayId : encodeURIComponent(badId())}/assign`,
      body: () => pick([{ clinicianId: badId() }, { clinicianId: junk() === null ? 42 : pick(HOSTILE) }, { clinician: "someone" }, junk()]),
    },
    {
      name: "explain notice",
      url: () => "/api/v1/worklist/explain",
      body: () => pick([
        { pathwayId, noticeKey: pick(HOSTILE), justification: "Forklaring som er lang nok" },
        { pathwayId: badId(), noticeKey: "notice:C_WITHOUT_M:x", justification: junk() },
        { pathwayId, noticeKey: junk(), justification: "" },
        junk(),
      ]),
    },
    {
      name: "postpone",
      url: () => "/api/v1/worklist/postpone",
      body: () => pick([
        { pathwayId, itemKey: "inactive", until: pick(BAD_DATES), reason: "Venter på svar" },
        { pathwayId, itemKey: pick(HOSTILE), until: "2026-01-01", reason: junk() },
        { pathwayId: badId(), itemKey: junk(), until: junk(), reason: junk() },
        junk(),
      ]),
    },
    {
      name: "bulk assign",
      url: () => "/api/v1/worklist/assign",
      body: () => pick([
        { pathwayIds: [pathwayId, pathwayId], clinicianId: junk() },
        { pathwayIds: pick(HOSTILE), clinicianId: "x" },
        { pathwayIds: [badId()], clinicianId: junk() },
        junk(),
      ]),
    },
    // the referral routes, fewer each (the suite's time): the same kinds of payload
    {
      name: "patient",
      url: () => "/api/v1/patients",
      count: 60,
      body: () => pick([{ nationalId: badNationalId(), name: "Fuzz Testesen" }, { nationalId: junk(), name: junk() }, { name: "Fuzz" }, junk()]),
    },
    {
      name: "register referral",
      url: () => "/api/v1/referrals",
      count: 60,
      body: () => pick([
        { nationalId: badNationalId(), patientName: "Fuzz", unitId: pick(HOSTILE), receivedDate: pick(BAD_DATES), referrerName: "Fastlege" },
        { nationalId: junk(), patientName: junk(), unitId: junk(), receivedDate: junk(), referrerName: junk(), idempotencyKey: junk() },
        junk(),
      ]),
    },
    {
      name: "assess referral",
      url: () => `/api/v1/referrals/${rng() < 0.8 ? referralId : encodeURIComponent(badId())}/assessment`,
      count: 60,
      body: () => pick([
        { assessedDate: pick(BAD_DATES), decision: pick(["right", "no_need", "maybe", ""]), legalDeadline: pick(BAD_DATES) },
        { assessedDate: "2026-01-01", decision: junk(), reason: junk() },
        { assessedDate: "2999-01-01", decision: "need_no_right", pathway: { type: junk(), setting: "DOGN" } },
        junk(),
      ]),
    },
    {
      name: "correct assessment",
      url: () => `/api/v1/referrals/${rng() < 0.8 ? referralId : encodeURIComponent(badId())}/assessment/correct`,
      count: 60,
      body: () => pick([
        { assessedDate: pick(BAD_DATES), decision: "returned", reason: "Fuzz", correctionReason: "Fuzz" },
        { assessedDate: "2026-01-01", decision: "need_no_right", correctionReason: pick(["", " ", null, 42, [], {}]) },
        junk(),
      ]),
    },
  ];

  const payloads: { route: string; url: string; data: Buffer | object }[] = [];
  for (const route of routes) {
    for (let i = 0; i < (route.count ?? 220); i++) {
      const raw = rng() < 0.1;
      const url = route.url();
      // one in ten is not JSON at all
      const data = raw ? Buffer.from(pick(["{", "{\"code\": ", "\u0000\u0001", "<xml/>", "x".repeat(70_000)])) : (route.body() as object);
      payloads.push({ route: route.name, url, data });
    }
  }

  const before = await snapshot();
  const post = await quickPost(page.context());
  const statuses = new Map<string, number>();
  // checked without Playwright's expect per answer (a reported step each): every wrong answer is listed at the end
  const wrong: string[] = [];
  let sent = 0;
  await forEachConcurrently(payloads, CONCURRENCY, async ({ route, url, data }) => {
    const { status, text } = await post(url, { "content-type": "application/json" }, Buffer.isBuffer(data) ? data : JSON.stringify(data));
    sent += 1;
    statuses.set(`${route} ${status}`, (statuses.get(`${route} ${status}`) ?? 0) + 1);
    if (status < 400 || status >= 500) wrong.push(`${route}: ${status} ${text.slice(0, 200)}`);
    else if (typeof messageOf(text) !== "string") wrong.push(`${route}: ${status} without a message: ${text.slice(0, 200)}`);
  });
  expect(wrong).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(1000);
  expect(await snapshot()).toEqual(before);
  console.log([...statuses.entries()].map(([k, v]) => `${k}: ${v}`).join(", "));
});

/** Always invalid where a server action takes a value (no booleans, no null: some fields take them). */
const HOSTILE_ARGS: unknown[] = [{ not: "x" }, { in: ["a"] }, { $gt: "" }, {}, [], ["M"], 42, -1, 3.14, "\u0000", "a\u0000b", "\ud800", "x\udfffy", "x".repeat(100_000)];
// React's reply format gives "$"-strings meaning (references, dates, bigints): a caller may send any of them
const REACT_REFERENCES = ["$", "$$", "$@0", "$@9", "$Q9", "$W9", "$K9", "$B9", "$F9", "$h9", "$T", "$D", "$Dnot-a-date", "$n", "$nx", "$undefined", "$Infinity", "$-0", "$NaN", "$i9", "$l9", "$A9", "$S"];

test("1 000+ hostile calls of every server action: never a 5xx, and the database is unchanged", async ({ browser }) => {
  test.setTimeout(300_000);
  const i = await ids();
  const request = await loggedIn(browser, "koordinator@forlopsvakt.test");
  const rng = mulberry32(20261129);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const hostile = () => (rng() < 0.7 ? pick(HOSTILE_ARGS) : pick(REACT_REFERENCES));
  // valid-looking argument lists that are refused whatever place is made hostile
  // below (a future date; an event of another unit): a hostile value that decodes
  // to undefined ("$undefined") drops an optional field and must not leave a valid call
  const actions: Record<string, { page: string; args: () => unknown[] }> = {
    "src/features/pathway/code-actions.ts#registerCodeAction": { page: `/forlop/${i.own}`, args: () => [i.own, { code: "L", date: "2099-01-01", justification: "x" }] },
    "src/features/pathway/code-actions.ts#previewCodeAction": { page: `/forlop/${i.own}`, args: () => [i.own, { code: "M", date: "2026-01-01" }] },
    "src/features/pathway/code-actions.ts#annulEventAction": { page: `/forlop/${i.own}`, args: () => [i.own, i.otherEvent, { reason: "Fuzz", replacement: { code: "M", date: "2099-01-01" } }] },
    "src/features/worklist/actions.ts#assignClinicianAction": { page: "/arbeidsliste", args: () => [{ pathwayId: i.own, clinicianId: "" }] },
    "src/features/worklist/actions.ts#explainNoticeAction": { page: "/arbeidsliste", args: () => [{ pathwayId: i.own, noticeKey: "notice:C_WITHOUT_M:x", justification: "Forklaring" }] },
    "src/features/worklist/actions.ts#postponeItemAction": { page: "/arbeidsliste", args: () => [{ pathwayId: i.own, itemKey: "inactive", until: "2026-01-01", reason: "Venter" }] },
    // another unit's pathway: refused whichever field is made hostile
    "src/features/worklist/actions.ts#undoPostponementAction": { page: "/arbeidsliste/utsatt", args: () => [{ pathwayId: i.other, itemKey: "inactive" }] },
    "src/features/new-pathway/actions.ts#createPathwayAction": { page: "/forlop/ny", args: () => [{ nationalId: "x", unitId: i.otherUnit, type: "D11", referralReceived: "2026-01-01", referrerName: "Fastlege" }] },
    "src/features/own-list/actions.ts#searchOwnPathwaysAction": { page: "/mine-pasienter", args: () => [{ q: "Nordmann" }] },
    // another unit's, and dated in the future: refused whichever place is made hostile
    "src/features/referrals/actions.ts#registerReferralAction": {
      page: "/henvisninger/ny",
      args: () => [{ nationalId: makeNationalId("2010-02-03", 422, { synthetic: true }), patientName: "Fuzz", unitId: i.otherUnit, receivedDate: "2099-01-01", referrerName: "Fastlege" }],
    },
    "src/features/referrals/actions.ts#assessReferralAction": { page: "/henvisninger", args: () => [i.otherReferral, { assessedDate: "2099-01-01", decision: "need_no_right" }] },
    "src/features/referrals/actions.ts#correctAssessmentAction": {
      page: "/henvisninger",
      args: () => [i.otherReferral, { assessedDate: "2099-01-01", decision: "need_no_right", correctionReason: "Fuzz" }],
    },
    // last: each action draws its hostile values from one seeded sequence, so the ones above keep theirs
    "src/features/pathway/code-actions.ts#previewReplacementAction": { page: `/forlop/${i.own}`, args: () => [i.otherEvent, { replacement: { code: "M", date: "2099-01-01" } }] },
    "src/features/pathway/notice-actions.ts#explainNoticeOnPathwayAction": { page: `/forlop/${i.own}`, args: () => [{ pathwayId: i.own, noticeKey: "notice:C_WITHOUT_M:x", justification: "Forklaring" }] },
    // another unit's pathway: refused whichever field is made hostile
    "src/features/worklist/actions.ts#bulkAssignAction": { page: "/arbeidsliste", args: () => [{ pathwayIds: [i.other], clinicianId: "fuzz" }] },
  };
  const built = builtActions();
  const body = (args: unknown[]): string | Buffer => {
    const roll = rng();
    if (roll < 0.1) return pick(["", "{", "[", "]", "null", "42", '"x"', "{}", "[[[[[[[[[[", "\u0000", "\ud800", "<xml/>", "[\"$@0\"]", "[\"$Q1\"]"]);
    if (roll < 0.12) return Buffer.alloc(1024 * 1024 + 1024, "x"); // over Next's 1 MB limit for server actions
    if (roll < 0.2) return JSON.stringify(hostile());
    if (roll < 0.25) return JSON.stringify([...args, ...args]); // too many arguments
    // one argument, or one field of an object argument, replaced by a hostile value
    const position = Math.floor(rng() * args.length);
    const arg = args[position];
    const replaced = arg && typeof arg === "object" && rng() < 0.7 ? { ...(arg as object), [pick(Object.keys(arg as object))]: hostile() } : hostile();
    return JSON.stringify(args.map((a, j) => (j === position ? replaced : a)));
  };

  const calls: { key: string; id: string; page: string; body: string | Buffer }[] = [];
  for (const [key, action] of Object.entries(actions)) {
    const id = built.get(key)!;
    for (let n = 0; n < 130; n++) calls.push({ key, id, page: action.page, body: body(action.args()) });
  }

  const before = await snapshot();
  const post = await quickPost(request);
  const statuses = new Map<string, number>();
  const wrong: string[] = [];
  let sent = 0;
  await forEachConcurrently(calls, CONCURRENCY, async (call) => {
    const { key } = call;
    const result = await callActionRaw(post, call.id, call.page, call.body);
    sent += 1;
    const label = `${key}: ${result.status} ${result.text.slice(0, 200)}`;
    statuses.set(`${key.split("#")[1]} ${result.status}`, (statuses.get(`${key.split("#")[1]} ${result.status}`) ?? 0) + 1);
    const refused = result.status === 200
      ? result.value?.ok === false && /[a-zæøå]/i.test(result.value?.message ?? "")
      : result.status >= 400 && result.status < 500 && /[a-zæøå]{3}/i.test(result.text);
    if (!refused) wrong.push(label);
  });
  expect(wrong).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(1000);
  expect(await snapshot()).toEqual(before);
  console.log([...statuses.entries()].map(([k, v]) => `${k}: ${v}`).join(", "));
});
