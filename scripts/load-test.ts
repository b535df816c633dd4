// `npm run load-test`: HTTP load against the production build on loopback,
// measured side by side in one run, on the data in DATABASE_URL (use
// `npm run generate -- --pathways 400000` first). Needs `npm run build`.
//
// - the worklist's first page for the unit with most rows (API and page) at
//   1 and 20 concurrent users, with GET /api/health in the same run;
// - registering an event through the API at 1 and 20 users;
// - the server process's memory (RSS) during the run, and the CPU time per
//   request of the server and of PostgreSQL (when they run on this machine).
//
// It first folds the worklist counts' deltas, as a running server does every
// 15 minutes (its own server runs no background jobs).
//
// `-- --seconds=15` sets each measurement's length; `-- --only=events` (or
// health, worklist, page, comma-separated) runs only some of them;
// `-- --url=http://host:3000` loads a server that is already running (e.g. on
// another machine, so the load generator does not share its cores; its memory
// is then not measured). DATABASE_URL must reach that server's database.
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import pg from "pg";
import { z } from "zod";
import { osloDateOf } from "../src/lib/dates";
import { int8, parseRows } from "../src/server/sql-rows";
import { cpuMs, cpuSpent, postgresProcesses, processTree, rssMiB } from "./lib/process-cpu";

const argument = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
const PORT = Number(process.env.LOAD_PORT ?? 3400);
const EXTERNAL = argument("url")?.replace(/\/$/, "");
const BASE = EXTERNAL ?? `http://localhost:${PORT}`;
const SECONDS = Number(argument("seconds") ?? 10);
const ONLY = new Set((argument("only") ?? "health,worklist,page,events").split(","));
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.error("DATABASE_URL må peke på databasen som skal lastes.");
  process.exit(2);
}

const db = new pg.Client({ connectionString: DATABASE_URL });
await db.connect();
const TARGET_SQL = `
  SELECT w."unitId", u."email", count(*) AS items
  FROM "WorklistItem" w JOIN "UserUnit" uu ON uu."unitId" = w."unitId" JOIN "User" u ON u."id" = uu."userId" AND u."role" = 'COORDINATOR'
  GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`;
const [target] = parseRows(z.object({ unitId: z.string(), email: z.string(), items: int8 }), (await db.query(TARGET_SQL)).rows, TARGET_SQL);
if (!target) {
  console.error("Databasen har ingen arbeidslisterader med en koordinator (kjør `npm run generate` først).");
  process.exit(2);
}
// Each registration goes to another pathway, those that earlier runs
// registered on least first (their idempotency keys start with "load-"): a
// pathway that collected events from earlier runs costs more to evaluate, and
// runs on a data set would drift.
const OPEN_SQL = `SELECT p."id", (SELECT count(*) FROM "PathwayEvent" e WHERE e."pathwayId" = p."id" AND e."idempotencyKey" LIKE 'load-%') AS "earlier"
   FROM "Pathway" p
   WHERE p."unitId" = $1 AND p."status" = 'OPEN'
   ORDER BY 2, md5(p."id") LIMIT 4000`;
const open = parseRows(z.object({ id: z.string(), earlier: int8 }), (await db.query(OPEN_SQL, [target.unitId])).rows, OPEN_SQL);
// The load test's server runs no background jobs; a running server folds the
// worklist counts' deltas every 15 minutes (src/server/jobs/nightly.ts). Fold
// them here as it would: the ~12 000 registrations of two earlier runs left ~16 000
// delta rows in the largest unit, and the summary sums them on every view.
const osloToday = osloDateOf(new Date());
await db.query(`SELECT 1 FROM forlopsvakt_worklist_count_fold($1::date)`, [osloToday]);
await db.query(`VACUUM (ANALYZE) "WorklistCount"`);
await db.end();
console.log(`Enhet med flest rader: ${target.items} arbeidslisterader, koordinator ${target.email}, ${open.length} åpne forløp til registrering.`);
const touched = open.filter((p) => p.earlier > 0).length;
if (ONLY.has("events") && touched > 0) {
  console.log(`Merk: ${touched} av forløpene har hendelser fra tidligere kjøringer (lag dataene på nytt for helt like utgangspunkt).`);
}

// the production server: one process per core (scripts/serve.mjs)
const server = EXTERNAL
  ? null
  : spawn(process.execPath, ["scripts/serve.mjs", "-p", String(PORT)], {
      env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: process.env.AUTH_SECRET ?? "load-test-secret-0123456789abcdef", AUTH_TRUST_HOST: "true", FORLOPSVAKT_NIGHTLY: "off" },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
const stop = () => {
  if (!server) return;
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stop);

/** RSS of the server's processes (primary and workers) in MiB; 0 for a server started elsewhere. */
function serverRss(): number {
  return server ? rssMiB(processTree(server.pid!)) : 0;
}

// CPU per request: of the server's processes when it runs here, and of
// PostgreSQL's when the database is on this machine too.
const databaseIsLocal = ["localhost", "127.0.0.1", "[::1]"].includes(new URL(DATABASE_URL).hostname);
function cpuReading() {
  return {
    server: server ? cpuMs(processTree(server.pid!)) : null,
    postgres: databaseIsLocal ? cpuMs(postgresProcesses()) : null,
  };
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("Serveren startet ikke.");
}

// Each measurement signs in afresh and runs with its own session cookie (the
// cookie is never renewed; its session's row records the activity, see
// src/server/auth/session-user.ts).
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;

async function sessionCookie(): Promise<string> {
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("E-post").fill(target.email);
  await page.getByLabel("Passord").fill("demo1234");
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

// autocannon's latency histogram reports p50, p75, p90, p97.5, p99, p99.9 …
// (no p95): printed are those it measured, never one interpolated between them.
interface Result {
  label: string;
  connections: number;
  p50: number;
  p97_5: number;
  p99: number;
  mean: number;
  rps: number;
  errors: number;
  rssMiB: number;
}
const results: Result[] = [];

async function measure(label: string, connections: number, options: Partial<autocannon.Options>) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, serverRss())), 250);
  const before = cpuReading();
  const result = await autocannon({ url: BASE, connections, duration: SECONDS, ...options });
  const after = cpuReading();
  clearInterval(sampler);
  const { p50, p97_5, p99, mean } = result.latency;
  const errors = result.errors + result.non2xx;
  results.push({ label, connections, p50, p97_5, p99, mean, rps: result.requests.average, errors, rssMiB: Math.round(peak) });
  const perRequest = (a: Map<number, number> | null, b: Map<number, number> | null, name: string) =>
    a && b && result.requests.total > 0 ? [`${name} ${(cpuSpent(a, b) / result.requests.total).toFixed(1)} ms`] : [];
  const cpu = [...perRequest(before.server, after.server, "server"), ...perRequest(before.postgres, after.postgres, "PostgreSQL")].join(", ");
  console.log(
    `${label.padEnd(34)} ${String(connections).padStart(2)} brukere: p50 ${p50} ms, p97,5 ${p97_5} ms, p99 ${p99} ms, snitt ${mean.toFixed(1)} ms, ` +
      `${Math.round(result.requests.average)} req/s, feil ${errors}${server ? `, RSS ${Math.round(peak)} MiB` : ""}` +
      (cpu ? `; CPU per forespørsel: ${cpu}` : ""),
  );
}

try {
  await waitForServer();
  const worklistPath = `/api/v1/worklist?enhet=${target.unitId}`;
  for (const connections of [1, 20]) {
    if (ONLY.has("health")) await measure("GET /api/health", connections, { requests: [{ method: "GET", path: "/api/health" }] });
    if (ONLY.has("worklist")) await measure("GET /api/v1/worklist (første side)", connections, { requests: [{ method: "GET", path: worklistPath, headers: { cookie: await sessionCookie() } }] });
    if (ONLY.has("page")) await measure("GET /arbeidsliste (side)", connections, { requests: [{ method: "GET", path: `/arbeidsliste?enhet=${target.unitId}`, headers: { cookie: await sessionCookie() } }] });
  }
  let n = 0;
  for (const connections of ONLY.has("events") ? [1, 20] : []) {
    const cookie = await sessionCookie();
    await measure("POST /api/v1/pathways/{id}/events", connections, {
      requests: [
        {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          setupRequest: (request) => {
            const i = n++;
            return {
              ...request,
              path: `/api/v1/pathways/${open[i % open.length].id}/events`,
              body: JSON.stringify({ code: "L", date: osloToday, idempotencyKey: `load-${Date.now()}-${i}`, justification: "Lasttest" }),
            };
          },
        },
      ],
    });
  }
  const health = (c: number) => results.find((r) => r.label === "GET /api/health" && r.connections === c);
  for (const c of [1, 20]) {
    const api = results.find((r) => r.label.startsWith("GET /api/v1/worklist") && r.connections === c);
    if (!api || !health(c)) continue;
    // autocannon's percentiles are whole milliseconds: at 1 user the health
    // check's p50 is "1 ms" whether it took 1.0 or 1.9, so the mean ratio too
    const ratio = (a: number, b: number) => (a / Math.max(b, 0.001)).toFixed(1);
    console.log(`Arbeidsliste-API / helsesjekk, ${c} brukere: p50 ${ratio(api.p50, health(c)!.p50)}× (gjennomsnitt ${ratio(api.mean, health(c)!.mean)}×)`);
  }
  if (server) console.log(`Største RSS under kjøringen: ${Math.max(...results.map((r) => r.rssMiB))} MiB`);
} finally {
  await browser?.close();
  stop();
}
