import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { freePort, stopSpawned } from "./support";

// The login limits against the production server (scripts/serve.mjs): the
// client's address is the socket's (TRUST_PROXY_HOPS=0 here), so a forged
// X-Forwarded-For changes neither the audited address nor what the limits
// count; a refused attempt is told when to try again; a database outage
// during login says so, in Norwegian. Afterwards the limiter's count for this
// machine's address is removed, so that later specs log in as usual.

const LOOPBACK = ["127.0.0.1", "::1"];

async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

const forgetThisAddress = () => withDb((db) => db.query(`DELETE FROM "LoginRateLimit" WHERE key LIKE 'login-ip:%'`));

/** A credentials login as a browser without JavaScript posts it; returns the `code` Auth.js redirects with. */
async function postLogin(request: APIRequestContext, email: string, headers: Record<string, string>) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: "Sommer2026", callbackUrl: "/" },
    headers,
    maxRedirects: 0,
  });
  return new URL(response.headers().location ?? "", "http://x").searchParams.get("code");
}

test.beforeAll(forgetThisAddress);
test.afterAll(forgetThisAddress);

test("40 attempts with a new X-Forwarded-For each: one address audited, all counted against it, the rest refused and told when", async ({ request, page }) => {
  test.setTimeout(120_000);
  const run = `spray-${Date.now()}`;
  const codes: (string | null)[] = [];
  for (let i = 0; i < 40; i++) {
    codes.push(await postLogin(request, `${run}-${i}@test.invalid`, { "X-Forwarded-For": `192.0.2.${i}`, "X-Real-IP": `198.51.100.${i}` }));
  }
  const rows = await withDb(async (db) =>
    (await db.query<{ action: string; ip: string | null }>(`SELECT "action"::text, "ip" FROM "AuditEvent" WHERE "detail"->>'email' LIKE $1`, [`${run}-%`])).rows,
  );
  expect(rows).toHaveLength(40);
  // every row has this machine's address, none a forged one
  expect(new Set(rows.map((r) => r.ip)).size).toBe(1);
  expect(LOOPBACK).toContain(rows[0].ip);
  // the per-address limit (30 failures) counted them all together
  const checked = rows.filter((r) => r.action === "LOGIN_FAILED").length;
  expect(checked).toBeLessThanOrEqual(30);
  expect(rows.filter((r) => r.action === "LOGIN_RATE_LIMITED")).toHaveLength(40 - checked);
  expect(codes.slice(30)).toEqual(Array(10).fill("rate_limited"));

  // the form tells an unknown e-mail from this address when to try again
  await page.goto("/login");
  await page.getByLabel("E-post").fill(`${run}-ny@test.invalid`);
  await page.getByLabel("Passord").fill("Sommer2026");
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/^For mange innloggingsforsøk\. Prøv igjen om \d+ (minutter|minutt|sekunder)\.$/);
});

test("a refused login that arrives by redirect (no JavaScript, OIDC) gets its Norwegian message", async ({ page }) => {
  await page.goto("/login?error=CredentialsSignin&code=unavailable");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Databasen svarer ikke, så innlogging er ikke mulig akkurat nå. Prøv igjen om litt.");
});

test("login while the database is away: a clear Norwegian message, not 'Configuration' or a wrong password", async ({ browser }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const deadDatabase = await freePort();
  let app: ChildProcess | undefined;
  try {
    app = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
      env: {
        ...process.env,
        DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadDatabase}/none`,
        NODE_ENV: "production",
        AUTH_TRUST_HOST: "true",
        AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-not-for-production-0123456789",
        FORLOPSVAKT_NIGHTLY: "off",
        WEB_CONCURRENCY: "1",
      },
      stdio: "ignore",
      detached: true,
    });
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${base}/login`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-post").fill("behandler@forlopsvakt.test");
    await page.getByLabel("Passord").fill("demo1234");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Databasen svarer ikke, så innlogging er ikke mulig akkurat nå. Prøv igjen om litt.");
    await context.close();
  } finally {
    stopSpawned(app);
  }
});
