import { expect, test } from "@playwright/test";
import pg from "pg";
import { logIn } from "./support";

// Bad input: over a thousand malformed or hostile payloads to every write
// route of API v1. Every one is refused with a 4xx (never a 5xx), and the
// database is unchanged afterwards (row counts and checksums of every table a
// write could touch). The payloads are generated from a fixed seed, and each
// is invalid by construction, so none may be stored.

const TABLES = ["Pathway", "PathwayEvent", "WorklistItem", "PathwayDeadline", "PathwayNotice", "NoticeExplanation", "WorklistPostponement", "AuditEvent", "Patient", "Referral"];

async function snapshot(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result: Record<string, string> = {};
    for (const table of TABLES) {
      // a request for a record outside the user's units is audited (ACCESS_DENIED): that row is the one allowed change
      const where = table === "AuditEvent" ? ` WHERE t."action" <> 'ACCESS_DENIED'` : "";
      const { rows } = await client.query(`SELECT count(*) AS n, md5(COALESCE(string_agg(t::text, '|' ORDER BY t.id), '')) AS sum FROM "${table}" t${where}`);
      result[table] = `${rows[0].n}:${rows[0].sum}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
    WHERE u.kind = 'DPS' AND p.status = 'OPEN' ORDER BY p.id, e.id LIMIT 1`);
  await client.end();
  const { pathwayId, eventId } = target as { pathwayId: string; eventId: string };

  const rng = mulberry32(20261122);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const junk = () => (rng() < 0.5 ? pick(HOSTILE) : pick(WRONG_TYPES));
  const badId = () => pick(["-1", "0", "' OR 1=1 --", "%00", "x".repeat(500), "🧠", "../events", pathwayId.toUpperCase() + "x"]);

  // Each builder returns a payload that must be refused: at least one field is
  // guaranteed invalid (bad date, unknown code, wrong type, empty reason …).
  const routes: { name: string; url: () => string; body: () => unknown }[] = [
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
  ];

  const before = await snapshot();
  const statuses = new Map<string, number>();
  let sent = 0;
  for (const route of routes) {
    for (let i = 0; i < 220; i++) {
      const raw = rng() < 0.1;
      const response = await page.request.post(route.url(), {
        // one in ten is not JSON at all
        data: raw ? Buffer.from(pick(["{", "{\"code\": ", "\u0000\u0001", "<xml/>", "x".repeat(70_000)])) : (route.body() as object),
        headers: { "content-type": "application/json" },
        failOnStatusCode: false,
      });
      sent += 1;
      const status = response.status();
      statuses.set(`${route.name} ${status}`, (statuses.get(`${route.name} ${status}`) ?? 0) + 1);
      expect(status, `${route.name}: ${status} ${(await response.text()).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(status, `${route.name}: ${status}`).toBeLessThan(500);
      const body = await response.json();
      expect(typeof body.message).toBe("string");
    }
  }
  expect(sent).toBeGreaterThanOrEqual(1000);
  expect(await snapshot()).toEqual(before);
  console.log([...statuses.entries()].map(([k, v]) => `${k}: ${v}`).join(", "));
});
