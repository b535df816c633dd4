import type { ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import Provider from "oidc-provider";
import { freePort, stopSpawned, wcagScan } from "./support";
import { providerLogin, startAppWithSso, withDb } from "./oidc-support";

// Single sign-on end to end against a real OpenID provider (the
// `oidc-provider` package, started here with its development login page):
// the authorization-code flow with PKCE, state and nonce, through an app
// server of its own started with AUTH_OIDC_*. Nobody is provisioned: a known
// active user gets in with her role and units, an unknown or deactivated one
// is refused in Norwegian on the login page, and each login is audited.

const run = Date.now().toString(36);
const CLIENT_ID = "forlopsvakt-test";
const CLIENT_SECRET = "test-only-secret-0123456789";
const PROVIDER_NAME = "Testpålogging";
// the provider's account ids (its `sub`) and e-mail claims
const ACCOUNTS: Record<string, string> = {
  [`sub-sara-${run}`]: `Sara.SSO.${run}@forlopsvakt.test`, // upper case at the provider, lower case here
  [`sub-dag-${run}`]: `dag.deaktivert.${run}@forlopsvakt.test`,
  [`sub-ukjent-${run}`]: `ukjent.${run}@forlopsvakt.test`,
};
const [SARA, DAG, UNKNOWN] = Object.keys(ACCOUNTS);

let provider: Server | undefined;
let app: ChildProcess | undefined;
let base = "";
let issuerOrigin = "";
const userIds: Record<string, string> = {};

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const [providerPort, appPort] = [await freePort(), await freePort()];
  base = `http://localhost:${appPort}`;
  const issuer = `http://localhost:${providerPort}`;
  issuerOrigin = issuer;
  // Sara: coordinator of BUP, "only single sign-on" (no password); Dag: deactivated
  await withDb(async (db) => {
    for (const [key, email, role, unitKind, active] of [
      [SARA, ACCOUNTS[SARA].toLowerCase(), "COORDINATOR", "BUP", true],
      [DAG, ACCOUNTS[DAG], "CLINICIAN", "DPS", false],
    ] as const) {
      const id = `oidc-test-${key}`;
      userIds[key] = id;
      await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, active) VALUES ($1, $2, $3, NULL, $4, $5)`, [
        id, email, key === SARA ? "Sara Sso" : "Dag Deaktivert", role, active,
      ]);
      await db.query(`INSERT INTO "UserUnit" ("userId", "unitId") SELECT $1, id FROM "Unit" WHERE kind = $2`, [id, unitKind]);
    }
  });

  const oidc = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [`${base}/api/auth/callback/oidc`] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: (_ctx, sub) => (ACCOUNTS[sub] ? { accountId: sub, claims: () => ({ sub, email: ACCOUNTS[sub], email_verified: true }) } : undefined),
    // no consent page: the grant is given (as an organisation's own provider does)
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    cookies: { keys: ["test-only-cookie-key"] },
  });
  provider = oidc.listen(providerPort);

  app = await startAppWithSso(appPort, {
    AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: CLIENT_ID, AUTH_OIDC_CLIENT_SECRET: CLIENT_SECRET, AUTH_OIDC_NAME: PROVIDER_NAME,
  });
});

test.afterAll(async () => {
  stopSpawned(app);
  provider?.close();
  await withDb((db) => db.query(`UPDATE "User" SET active = false WHERE id = ANY($1)`, [Object.values(userIds)]));
});

const singleSignOn = (page: Page, path: string, sub: string) => providerLogin(page, `${base}${path}`, PROVIDER_NAME, sub);

const loginAudits = (userId: string | null, email: string) =>
  withDb(async (db) =>
    (await db.query(
      `SELECT action, "userId", detail FROM "AuditEvent" WHERE action IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED') AND detail->>'method' = 'oidc'
        AND ("userId" = $1 OR detail->>'email' = $2) ORDER BY at`,
      [userId, email],
    )).rows as { action: string; userId: string | null; detail: Record<string, unknown> }[]);

test("a known active user signs in with her role and units, back on the page she asked for; audited; no password login", async ({ page }) => {
  // asked for the referrals page without a session: the login page, and back there after the provider
  await singleSignOn(page, "/henvisninger", SARA);
  await expect(page).toHaveURL(`${base}/henvisninger`);
  await expect(page.getByRole("heading", { level: 1, name: "Henvisninger" })).toBeVisible();
  await expect(page.getByText("Sara Sso (Forløpskoordinator)")).toBeVisible();
  // her unit's rows only (BUP)
  const worklist = await page.request.get(`${base}/api/v1/worklist`);
  expect(worklist.status()).toBe(200);
  const units = new Set(((await worklist.json()).rows as { unit: { name: string } }[]).map((row) => row.unit.name));
  expect([...units]).toEqual(["BUP Fjordby, poliklinikk"]);

  expect(await loginAudits(userIds[SARA], "")).toEqual([{ action: "LOGIN_SUCCEEDED", userId: userIds[SARA], detail: { method: "oidc" } }]);
  // the provider's `sub` is linked to her for later logins
  const linked = await withDb(async (db) => (await db.query(`SELECT "oidcSubject" FROM "User" WHERE id = $1`, [userIds[SARA]])).rows[0]);
  expect(linked).toEqual({ oidcSubject: SARA });

  // "only single sign-on": no password opens her account
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel("E-post").fill(ACCOUNTS[SARA]);
  await page.getByLabel("Passord").fill("demo1234");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Feil e-post eller passord.");
});

test("an unknown and a deactivated user are refused in Norwegian on the login page, and audited", async ({ page }) => {
  for (const [sub, message] of [
    [UNKNOWN, "det finnes ingen bruker i Forløpsvakt med e-postadressen fra enkel pålogging"],
    [DAG, "brukeren din i Forløpsvakt er deaktivert"],
  ]) {
    await page.context().clearCookies();
    await singleSignOn(page, "/login", sub);
    await expect(page).toHaveURL(/\/login\?/);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText(message);
    await expect(page.getByRole("button", { name: `Logg inn med ${PROVIDER_NAME}` })).toBeVisible();
  }
  // its form may be sent on to the provider (the redirect a form without JavaScript follows)
  const csp = (await page.request.get(`${base}/login`)).headers()["content-security-policy"];
  expect(csp).toContain(`form-action 'self' ${issuerOrigin}`);
  // the login page with its single sign-on button and a refusal: WCAG 2.1 AA
  const scan = await wcagScan(page);
  expect(scan.violations).toEqual([]);
  expect(await loginAudits(null, ACCOUNTS[UNKNOWN])).toEqual([
    { action: "LOGIN_FAILED", userId: null, detail: { method: "oidc", email: ACCOUNTS[UNKNOWN], reason: "unknown" } },
  ]);
  expect(await loginAudits(userIds[DAG], "")).toEqual([
    { action: "LOGIN_FAILED", userId: userIds[DAG], detail: { method: "oidc", email: ACCOUNTS[DAG], reason: "inactive" } },
  ]);
  // refused: no session
  expect((await page.request.get(`${base}/api/v1/worklist`)).status()).toBe(401);
});
