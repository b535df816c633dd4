import { request as httpRequest } from "node:http";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { logInWithForm as logIn } from "./support";

// Logging out ends the session on the server, not only in the browser: a
// cookie saved before the logout and replayed afterwards (a copied cookie,
// another tab, a proxy log) gets 401 from the API and /login from a page, and
// is never renewed. The same holds in every server process at once, and for
// the cookies of a user who was deactivated and reactivated.

async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie, "signed in").toBeTruthy();
  return `${cookie!.name}=${cookie!.value}`;
}

interface Reply {
  status: number;
  location: string | undefined;
  setCookie: string[];
}

/** A GET with only this cookie, on a new connection each time (so node:cluster hands it to the next worker), no redirects followed. */
function replay(base: string, path: string, cookie: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { headers: { cookie, connection: "close" }, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, location: res.headers.location, setCookie: res.headers["set-cookie"] ?? [] }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A Set-Cookie header that gives the browser a session token (not one that deletes it). */
const renewsSession = (setCookie: string[]) => setCookie.some((c) => /authjs\.session-token=[^;]+/.test(c) && !/Expires=Thu, 01 Jan 1970/i.test(c));

async function logOut(page: Page) {
  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

const API = "/api/v1/pathways?status=OPEN&limit=1";

test("after logout the saved cookie gets 401 from the API and /login from a page, is not renewed, and the logout is audited", async ({ page, context }) => {
  const base = test.info().project.use.baseURL!;
  await logIn(page, "behandler@forlopsvakt.test", "Mine pasienter");
  const cookie = await sessionCookie(context);
  expect((await replay(base, API, cookie)).status).toBe(200);
  const userId = await withDb(async (db) => (await db.query(`SELECT id FROM "User" WHERE email = 'behandler@forlopsvakt.test'`)).rows[0].id as string);
  const before = new Date();

  await logOut(page);

  const api = await replay(base, API, cookie);
  expect(api.status).toBe(401);
  expect(renewsSession(api.setCookie)).toBe(false);
  const pageReply = await replay(base, "/mine-pasienter", cookie);
  expect(pageReply.status).toBe(307);
  expect(new URL(pageReply.location!, base).pathname).toBe("/login");
  expect(renewsSession(pageReply.setCookie)).toBe(false);
  const logouts = await withDb(async (db) =>
    (await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "userId" = $1 AND action = 'LOGOUT' AND at >= $2`, [userId, new Date(before.getTime() - 1000)])).rows[0].n);
  expect(logouts).toBe(1);
});

test("deactivating and reactivating a user does not revive the user's old cookies", async ({ page, context }) => {
  const base = test.info().project.use.baseURL!;
  const email = `reaktivert.${Date.now().toString(36)}@forlopsvakt.test`;
  // a clinician of her own, so that no other test sees her deactivated
  const userId = await withDb(async (db) => {
    const id = `session-test-${Date.now().toString(36)}`;
    await db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role)
       SELECT $1, $2, 'Rita Reaktivert', "passwordHash", role FROM "User" WHERE email = 'behandler@forlopsvakt.test'`,
      [id, email],
    );
    await db.query(`INSERT INTO "UserUnit" ("userId", "unitId") SELECT $1, uu."unitId" FROM "UserUnit" uu JOIN "User" u ON u.id = uu."userId" WHERE u.email = 'behandler@forlopsvakt.test'`, [id]);
    return id;
  });
  await logIn(page, email, "Mine pasienter");
  const cookie = await sessionCookie(context);
  expect((await replay(base, API, cookie)).status).toBe(200);

  await withDb(async (db) => {
    await db.query(`UPDATE "User" SET active = false WHERE id = $1`, [userId]);
    await db.query(`UPDATE "User" SET active = true WHERE id = $1`, [userId]);
  });

  expect((await replay(base, API, cookie)).status).toBe(401);
  expect(new URL((await replay(base, "/mine-pasienter", cookie)).location ?? "/", base).pathname).toBe("/login");
  // she can sign in again, and the new session works
  await page.context().clearCookies();
  await logIn(page, email, "Mine pasienter");
  expect((await replay(base, API, await sessionCookie(context))).status).toBe(200);
  // out of the way of later tests (inactive users are in no list)
  await withDb((db) => db.query(`UPDATE "User" SET active = false WHERE id = $1`, [userId]));
});

test("a logout holds at once in every server process (WEB_CONCURRENCY=2)", async ({ browser }) => {
  // the suite's server runs two processes (WEB_CONCURRENCY=2 in playwright.config.ts)
  const base = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await logIn(page, "koordinator@forlopsvakt.test");
  const cookie = await sessionCookie(context);
  // each on a new connection: the cluster's primary deals them out to the
  // workers in turn, so both have read (and cached) this cookie
  for (let i = 0; i < 6; i++) expect((await replay(base, API, cookie)).status).toBe(200);

  await logOut(page);

  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await replay(base, API, cookie)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
  await context.close();
});
