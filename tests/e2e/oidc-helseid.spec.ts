import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";
import { freePort, stopSpawned } from "./support";
import { providerLogin, startAppWithSso, withDb } from "./oidc-support";

// Single sign-on with HelseID end to end, against a real OpenID provider (the
// `oidc-provider` package) set up as HelseID is: the client authenticates with
// a private key (private_key_jwt, no secret), the authorization request must
// be pushed (PAR), tokens are DPoP-bound and the provider demands a DPoP nonce
// (so the token request is first answered `use_dpop_nonce` and sent again),
// and the user is named by HelseID's claims: HPR number, national id and
// security level. A user whose HPR number the administrator recorded gets in;
// a login at security level 3 and an unknown HPR number are refused in
// Norwegian, and audited. (The client-secret flow: oidc.spec.ts.)

const run = Date.now().toString(36);
const CLIENT_ID = "forlopsvakt-helseid-test";
const PROVIDER_NAME = "HelseID (test)";
const HPR = "helseid://claims/hpr/hpr_number";
const PID = "helseid://claims/identity/pid";
const LEVEL = "helseid://claims/identity/security_level";
const SCOPES = ["helseid://scopes/identity/pid", "helseid://scopes/hpr/hpr_number", "helseid://scopes/identity/security_level"];
// distinct per run: the HPR number is unique among users
const hpr = (n: number) => String(4_000_000 + ((parseInt(run.slice(-5), 36) * 7 + n) % 5_000_000));
// the provider's accounts (their `sub`) and HelseID claims
const ACCOUNTS: Record<string, Record<string, string>> = {
  [`hid-hanne-${run}`]: { [HPR]: hpr(1), [PID]: "13116900216", [LEVEL]: "4", name: "Hanne HelseID" },
  [`hid-lars-${run}`]: { [HPR]: hpr(2), [PID]: "24056900257", [LEVEL]: "3", name: "Lars Lavnivå" },
  [`hid-ukjent-${run}`]: { [HPR]: hpr(3), [PID]: "01017000338", [LEVEL]: "4", name: "Ukjent" },
};
const [HANNE, LARS, UNKNOWN] = Object.keys(ACCOUNTS);

let provider: Server | undefined;
let app: ChildProcess | undefined;
let base = "";
const userIds: Record<string, string> = {};
// the requests the provider got ("POST /token 400"), to show PAR and the DPoP nonce round
const providerLog: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const [providerPort, appPort] = [await freePort(), await freePort()];
  base = `http://localhost:${appPort}`;
  const issuer = `http://localhost:${providerPort}`;
  // Hanne: clinician at the Forløpsvakt-led DPS, HPR number recorded; Lars: the same, but logs in at level 3
  await withDb(async (db) => {
    for (const key of [HANNE, LARS]) {
      const id = `helseid-test-${key}`;
      userIds[key] = id;
      await db.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, active, "hprNumber") VALUES ($1, $2, $3, NULL, 'CLINICIAN', true, $4)`, [
        id, `${key}@forlopsvakt.test`, ACCOUNTS[key].name, ACCOUNTS[key][HPR],
      ]);
      await db.query(`INSERT INTO "UserUnit" ("userId", "unitId") SELECT $1, id FROM "Unit" WHERE kind = 'DPS' AND "codesRecordedIn" = 'FORLOPSVAKT'`, [id]);
    }
  });

  // the client's key pair: the app gets the private JWK, the provider the public one (as registered in HelseID's self-service)
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `forlopsvakt-${run}`;
  const clientPrivateJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256" };
  const clientPublicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };

  const oidc = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      token_endpoint_auth_method: "private_key_jwt",
      jwks: { keys: [clientPublicJwk] },
      redirect_uris: [`${base}/api/auth/callback/oidc`],
      dpop_bound_access_tokens: true,
    }],
    features: {
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: true },
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true },
    },
    scopes: ["openid", "profile", ...SCOPES],
    claims: { openid: ["sub"], profile: ["name"], [SCOPES[0]]: [PID], [SCOPES[1]]: [HPR], [SCOPES[2]]: [LEVEL] },
    findAccount: (_ctx, sub) => (ACCOUNTS[sub] ? { accountId: sub, claims: () => ({ sub, ...ACCOUNTS[sub] }) } : undefined),
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(["openid", "profile", ...SCOPES].join(" "));
      await grant.save();
      return grant;
    },
    cookies: { keys: ["test-only-cookie-key"] },
  });
  const handle = oidc.callback();
  provider = createServer((req, res) => {
    res.on("finish", () => providerLog.push(`${req.method} ${req.url?.split("?")[0]} ${res.statusCode}`));
    void handle(req, res);
  }).listen(providerPort);

  app = await startAppWithSso(appPort, {
    AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_CLIENT_ID: CLIENT_ID, AUTH_OIDC_NAME: PROVIDER_NAME,
    AUTH_OIDC_PROFILE: "helseid", AUTH_OIDC_PRIVATE_KEY: JSON.stringify(clientPrivateJwk),
  });
});

test.afterAll(async () => {
  stopSpawned(app);
  provider?.close();
  await withDb((db) => db.query(`UPDATE "User" SET active = false, "hprNumber" = NULL WHERE id = ANY($1)`, [Object.values(userIds)]));
});

const helseIdLogin = (page: Page, path: string, sub: string) => providerLogin(page, `${base}${path}`, PROVIDER_NAME, sub);

const oidcAudits = (userId: string | null, hprNumber: string) =>
  withDb(async (db) =>
    (await db.query(
      `SELECT action, "userId", detail FROM "AuditEvent" WHERE action IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED') AND detail->>'method' = 'oidc'
        AND ("userId" = $1 OR detail->>'hprNumber' = $2) ORDER BY at`,
      [userId, hprNumber],
    )).rows as { action: string; userId: string | null; detail: Record<string, unknown> }[]);

test("a clinician whose HPR number is recorded signs in through PAR, private_key_jwt and DPoP (with the nonce round); audited", async ({ page }) => {
  // asked for her own list without a session: the login page, and back there after HelseID
  await helseIdLogin(page, "/mine-pasienter", HANNE);
  await expect(page).toHaveURL(`${base}/mine-pasienter`);
  await expect(page.getByRole("heading", { level: 1, name: "Mine pasienter" })).toBeVisible();
  await expect(page.getByText("Hanne HelseID (Behandler)")).toBeVisible();

  // the request was pushed (PAR) and the browser came with its request_uri; the token request met the
  // provider's nonce demand once and was sent again; userinfo took the DPoP-bound token
  expect(providerLog).toEqual(expect.arrayContaining(["POST /request 201", "GET /auth 303", "POST /token 400", "POST /token 200", "GET /me 200"]));
  expect(providerLog.filter((line) => line.startsWith("POST /token"))).toEqual(["POST /token 400", "POST /token 200"]);

  expect(await oidcAudits(userIds[HANNE], "")).toEqual([{ action: "LOGIN_SUCCEEDED", userId: userIds[HANNE], detail: { method: "oidc" } }]);
  const linked = await withDb(async (db) => (await db.query(`SELECT "oidcSubject" FROM "User" WHERE id = $1`, [userIds[HANNE]])).rows[0]);
  expect(linked).toEqual({ oidcSubject: HANNE });
  // the national id is stored nowhere
  const stored = await withDb(async (db) => (await db.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE detail::text LIKE '%13116900216%'`)).rows[0]);
  expect(stored).toEqual({ n: 0 });
});

test("a too low security level and an unknown HPR number are refused in Norwegian on the login page, and audited", async ({ page }) => {
  for (const [sub, message] of [
    [LARS, "sikkerhetsnivået på innloggingen er for lavt for tilgang til pasientopplysninger"],
    [UNKNOWN, "det finnes ingen bruker i Forløpsvakt med HPR-nummeret ditt fra HelseID"],
  ]) {
    await page.context().clearCookies();
    await helseIdLogin(page, "/login", sub);
    await expect(page).toHaveURL(/\/login\?/);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText(message);
    // refused: no session
    expect((await page.request.get(`${base}/api/v1/worklist`)).status()).toBe(401);
  }
  expect(await oidcAudits(userIds[LARS], "")).toEqual([
    { action: "LOGIN_FAILED", userId: userIds[LARS], detail: { method: "oidc", hprNumber: ACCOUNTS[LARS][HPR], securityLevel: 3, reason: "security_level" } },
  ]);
  expect(await oidcAudits(null, ACCOUNTS[UNKNOWN][HPR])).toEqual([
    { action: "LOGIN_FAILED", userId: null, detail: { method: "oidc", hprNumber: ACCOUNTS[UNKNOWN][HPR], securityLevel: 4, reason: "unknown_hpr" } },
  ]);
  // Lars was not linked: a later login at level 4 would still be matched by his HPR number
  const lars = await withDb(async (db) => (await db.query(`SELECT "oidcSubject" FROM "User" WHERE id = $1`, [userIds[LARS]])).rows[0]);
  expect(lars).toEqual({ oidcSubject: null });
});
