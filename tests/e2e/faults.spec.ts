import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { databaseProxy, throughProxy } from "../support/db-proxy";
import { freePort, logIn, osloToday } from "./support";

// Faults: the database goes away while the app takes writes, and comes back.
// A TCP proxy between a second app server and PostgreSQL plays the outage
// (it cuts every connection and refuses new ones) and the silent stall (it
// stops forwarding and closes nothing), so the shared test database itself is
// never stopped. While it is down or stalled, writes, pages and the health
// check answer 503 with a clear message, in bounded time; when it is back, the
// app recovers without a restart; and no write is half-done: every stored
// event has its audit row, and nothing refused was stored.

const OUTAGE_MESSAGE = "Databasen svarer ikke. Prøv igjen om litt.";

/** The production server on a free port (`base`), talking to PostgreSQL through `databaseUrl`. */
async function startApp(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const app: ChildProcess = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_TRUST_HOST: "true", FORLOPSVAKT_NIGHTLY: "off",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-not-for-production-0123456789", ...env },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  return {
    base,
    ready: () => waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000),
    stop: async () => {
      try {
        process.kill(-app.pid!, "SIGTERM");
      } catch {
        return; // gone
      }
      await exited;
    },
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

type Faulty = { proxy: ReturnType<typeof databaseProxy>; page: Page; db: pg.Client; pathwayId: string };

/**
 * A second app server that reaches PostgreSQL through the fault proxy, a
 * coordinator signed in on it, a direct connection for checks, and the
 * newest open DPS pathway in treatment (one the coordinator may register on).
 */
async function withFaultyDatabase(browser: Browser, env: Record<string, string>, body: (faulty: Faulty) => Promise<void>) {
  const target = new URL(process.env.DATABASE_URL!);
  const proxy = databaseProxy(target);
  const app = await startApp(throughProxy(target, await proxy.listen()), env);
  const db = new pg.Client({ connectionString: target.toString() });
  try {
    expect(await app.ready()).toBe(true);
    const context = await browser.newContext({ baseURL: app.base });
    const page = await context.newPage();
    await logIn(page, "koordinator@forlopsvakt.test");
    await db.connect();
    const { rows: [pathway] } = await db.query(
      `SELECT p.id FROM "Pathway" p JOIN "Unit" u ON u.id = p."unitId" WHERE u.kind = 'DPS' AND u."codesRecordedIn" = 'FORLOPSVAKT' AND p.status = 'OPEN' AND p.phase = 'treatment' ORDER BY p.id DESC LIMIT 1`,
    );
    await body({ proxy, page, db, pathwayId: pathway.id });
    await context.close();
  } finally {
    await db.end().catch(() => undefined);
    await app.stop();
    await proxy.close();
  }
}

/** A page answered 503 with the Norwegian message, not Next's 500. */
async function expectOutagePage(response: APIResponse) {
  expect(response.status()).toBe(503);
  expect(response.headers()["retry-after"]).toBeDefined();
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.text()).toContain(OUTAGE_MESSAGE);
}

test("database outage: 503 with a clear message from the API and pages, no half-done writes, recovery without restart", async ({ browser }) => {
  test.setTimeout(180_000);
  await withFaultyDatabase(browser, {}, async ({ proxy, page, db, pathwayId }) => {
    const today = osloToday();
    // this run's events only: the pathway may hold those of an earlier run
    const run = `fault-test-${Date.now()}-`;
    let n = 0;
    const post = () =>
      page.request.post(`/api/v1/pathways/${pathwayId}/events`, {
        data: { code: "L", date: today, idempotencyKey: `${run}${n++}`, justification: "Feiltest" },
        failOnStatusCode: false,
      });

    // ids of the events the app said it stored (201) or already had (200)
    const acknowledged = new Set<string>();
    const postAndCollect = async () => {
      const response = await post();
      if (response.status() === 201 || response.status() === 200) acknowledged.add((await response.json()).event.id);
      return response.status();
    };
    const stored: number[] = [];
    for (let i = 0; i < 5; i++) stored.push(await postAndCollect());
    expect(stored.every((s) => s === 201 || s === 200)).toBe(true);

    proxy.down();
    for (let i = 0; i < 5; i++) {
      const response = await post();
      expect(response.status()).toBe(503);
      expect((await response.json()).message).toBe(OUTAGE_MESSAGE);
    }
    const health = await page.request.get("/api/health", { failOnStatusCode: false });
    expect(health.status()).toBe(503);
    // pages too: 503 with the message, not Next's 500
    for (const path of ["/arbeidsliste", `/forlop/${pathwayId}`, "/rapporter"]) {
      await expectOutagePage(await page.request.get(path, { failOnStatusCode: false }));
    }

    proxy.up();
    expect(await waitFor(async () => (await page.request.get("/api/health")).status() === 200, 30_000)).toBe(true);
    for (let i = 0; i < 5; i++) stored.push(await postAndCollect());
    expect(stored.slice(5).every((s) => s === 201 || s === 200)).toBe(true);
    expect((await page.request.get("/arbeidsliste")).status()).toBe(200);

    // no half-done writes: each stored event has its audit row, and the refused ones left nothing
    const { rows: [counts] } = await db.query(
      `SELECT
         (SELECT array_agg("id") FROM "PathwayEvent" WHERE "pathwayId" = $1 AND "idempotencyKey" LIKE $2) AS events,
         (SELECT count(*) FROM "PathwayEvent" WHERE "id" = ANY($3::text[])) AS acknowledged_stored,
         (SELECT count(*) FROM "PathwayEvent" e WHERE e."pathwayId" = $1 AND e."idempotencyKey" LIKE $2
            AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."action" = 'EVENT_CREATED' AND a."detail"->>'eventId' = e."id")) AS without_audit,
         (SELECT "derivedOn" IS NOT NULL FROM "Pathway" WHERE id = $1) AS derived`,
      [pathwayId, `${run}%`, [...acknowledged]],
    );
    // every event this run stored was acknowledged, and every acknowledged one is
    // stored (a 200 may name an event of a run less than a minute ago: a double submit)
    for (const id of counts.events ?? []) expect(acknowledged.has(id)).toBe(true);
    expect(Number(counts.acknowledged_stored)).toBe(acknowledged.size);
    expect(Number(counts.without_audit)).toBe(0);
    expect(counts.derived).toBe(true);
  });
});

test("silent database stall: requests answer 503 in bounded time (not hang), and the app recovers when it ends", async ({ browser }) => {
  test.setTimeout(240_000);
  // the default limits: 10 s per statement, 12 s until an answer that never comes counts as none
  await withFaultyDatabase(browser, { WEB_CONCURRENCY: "1" }, async ({ proxy, page, pathwayId }) => {
    const run = `stall-test-${Date.now()}-`;
    const post = (i: number) =>
      page.request.post(`/api/v1/pathways/${pathwayId}/events`, {
        data: { code: "L", date: osloToday(), idempotencyKey: `${run}${i}`, justification: "Feiltest" },
        failOnStatusCode: false,
        timeout: 120_000,
      });
    const get = (path: string) => page.request.get(path, { failOnStatusCode: false, timeout: 120_000 });
    expect((await get("/arbeidsliste")).status()).toBe(200);

    proxy.stall();
    const timed = async (request: () => Promise<APIResponse>) => {
      const started = Date.now();
      const response = await request();
      return { response, ms: Date.now() - started };
    };
    const [write, list, worklistPage, pathwayPage, health] = await Promise.all([
      timed(() => post(0)),
      timed(() => get("/api/v1/worklist")),
      timed(() => get("/arbeidsliste")),
      timed(() => get(`/forlop/${pathwayId}`)),
      timed(() => get("/api/health")),
    ]);
    for (const answer of [write, list]) {
      expect(answer.response.status()).toBe(503);
      expect((await answer.response.json()).message).toBe(OUTAGE_MESSAGE);
    }
    await expectOutagePage(worklistPage.response);
    await expectOutagePage(pathwayPage.response);
    expect(health.response.status()).toBe(503);
    // bounded: the read timeout is 12 s, a connection is waited for at most 5 s;
    // generous for a shared machine, far below "hangs until the stall ends"
    for (const answer of [write, list, worklistPage, pathwayPage, health]) expect(answer.ms).toBeLessThan(45_000);
    test.info().annotations.push({
      type: "stall answer times (ms): write, worklist API, worklist page, pathway page, health",
      description: [write, list, worklistPage, pathwayPage, health].map((a) => a.ms).join(", "),
    });

    // in a browser: a navigation gets the 503 page with the message
    const navigation = await page.goto("/mine-pasienter", { timeout: 120_000 });
    expect(navigation?.status()).toBe(503);
    await expect(page.getByText(OUTAGE_MESSAGE)).toBeVisible();

    proxy.resume();
    expect(await waitFor(async () => (await get("/api/health")).status() === 200, 60_000)).toBe(true);
    expect(await waitFor(async () => (await get("/arbeidsliste")).status() === 200, 60_000)).toBe(true);
    expect([200, 201]).toContain((await post(1)).status());
  });
});
