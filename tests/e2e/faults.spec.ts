import { spawn, type ChildProcess } from "node:child_process";
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { logIn, osloToday } from "./support";

// Faults: the database goes away while the app takes writes, and comes back.
// A TCP proxy between a second app server and PostgreSQL plays the outage
// (it cuts every connection and refuses new ones), so the shared test
// database itself is never stopped. While it is down, writes and the health
// check answer 503 with a clear message; when it is back, the app recovers
// without a restart; and no write is half-done: every stored event has its
// audit row, and nothing refused was stored.

const APP_PORT = 3160;

function databaseProxy(target: URL) {
  const sockets = new Set<Socket>();
  let up = true;
  const server: Server = createServer((client) => {
    if (!up) return client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream).pipe(client);
  });
  return {
    // any free port: a fixed one in the ephemeral range can be held by an
    // outgoing connection (it failed CI once with EADDRINUSE)
    listen: () =>
      new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port))),
    down: () => {
      up = false;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    up: () => {
      up = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
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

test("database outage: 503 with a clear message, no half-done writes, recovery without restart", async ({ browser }) => {
  test.setTimeout(180_000);
  const target = new URL(process.env.DATABASE_URL!);
  const proxy = databaseProxy(target);
  const proxyPort = await proxy.listen();
  const viaProxy = new URL(target.toString());
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxyPort);
  let app: ChildProcess | undefined;
  const base = `http://localhost:${APP_PORT}`;
  try {
    app = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(APP_PORT)], {
      env: { ...process.env, DATABASE_URL: viaProxy.toString(), NODE_ENV: "production", AUTH_TRUST_HOST: "true", FORLOPSVAKT_NIGHTLY: "off",
        AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-not-for-production-0123456789" },
      stdio: "ignore",
      detached: true,
    });
    expect(await waitFor(async () => (await fetch(`${base}/api/health`)).ok, 60_000)).toBe(true);

    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await logIn(page, "koordinator@forlopsvakt.test");

    const db = new pg.Client({ connectionString: target.toString() });
    await db.connect();
    const { rows: [pathway] } = await db.query(
      `SELECT p.id FROM "Pathway" p JOIN "Unit" u ON u.id = p."unitId" WHERE u.kind = 'DPS' AND p.status = 'OPEN' AND p.phase = 'treatment' ORDER BY p.id DESC LIMIT 1`,
    );
    const today = osloToday();
    // this run's events only: the pathway may hold those of an earlier run
    const run = `fault-test-${Date.now()}-`;
    let n = 0;
    const post = () =>
      page.request.post(`/api/v1/pathways/${pathway.id}/events`, {
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
      expect((await response.json()).message).toBe("Databasen svarer ikke. Prøv igjen om litt.");
    }
    const health = await page.request.get("/api/health", { failOnStatusCode: false });
    expect(health.status()).toBe(503);

    proxy.up();
    expect(await waitFor(async () => (await page.request.get("/api/health")).status() === 200, 30_000)).toBe(true);
    for (let i = 0; i < 5; i++) stored.push(await postAndCollect());
    expect(stored.slice(5).every((s) => s === 201 || s === 200)).toBe(true);

    // no half-done writes: each stored event has its audit row, and the refused ones left nothing
    const { rows: [counts] } = await db.query(
      `SELECT
         (SELECT array_agg("id") FROM "PathwayEvent" WHERE "pathwayId" = $1 AND "idempotencyKey" LIKE $2) AS events,
         (SELECT count(*) FROM "PathwayEvent" WHERE "id" = ANY($3::text[])) AS acknowledged_stored,
         (SELECT count(*) FROM "PathwayEvent" e WHERE e."pathwayId" = $1 AND e."idempotencyKey" LIKE $2
            AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."action" = 'EVENT_CREATED' AND a."detail"->>'eventId' = e."id")) AS without_audit,
         (SELECT "derivedOn" IS NOT NULL FROM "Pathway" WHERE id = $1) AS derived`,
      [pathway.id, `${run}%`, [...acknowledged]],
    );
    // every event this run stored was acknowledged, and every acknowledged one is
    // stored (a 200 may name an event of a run less than a minute ago: a double submit)
    for (const id of counts.events ?? []) expect(acknowledged.has(id)).toBe(true);
    expect(Number(counts.acknowledged_stored)).toBe(acknowledged.size);
    expect(Number(counts.without_audit)).toBe(0);
    expect(counts.derived).toBe(true);
    await db.end();
    await context.close();
  } finally {
    if (app?.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {
        // gone
      }
    }
    await proxy.close();
  }
});
