import { spawn, type ChildProcess } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import pg from "pg";

// What the single sign-on specs share (oidc.spec.ts: a client secret;
// oidc-helseid.spec.ts: HelseID's private key, PAR and DPoP): the database,
// an app server of their own started with AUTH_OIDC_*, and the way through
// the provider's development login page.

export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A production app server on `port` with the given AUTH_OIDC_* settings, once it answers. */
export async function startAppWithSso(port: number, sso: Record<string, string>): Promise<ChildProcess> {
  const app = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
    env: {
      ...process.env, WEB_CONCURRENCY: "1", NODE_ENV: "production", AUTH_TRUST_HOST: "true", FORLOPSVAKT_NIGHTLY: "off",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-not-for-production-0123456789",
      ...sso,
    },
    stdio: "ignore",
    detached: true,
  });
  const until = Date.now() + 60_000;
  while (!(await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false))) {
    expect(Date.now()).toBeLessThan(until);
    await new Promise((r) => setTimeout(r, 200));
  }
  return app;
}

/** From the login page at `url` through the provider's login page as `sub`. */
export async function providerLogin(page: Page, url: string, providerName: string, sub: string) {
  // the provider's development page imports a web font: no network here
  await page.route("https://fonts.googleapis.com/**", (route) => route.abort());
  await page.goto(url);
  await page.getByRole("button", { name: `Logg inn med ${providerName}`, exact: true }).click();
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill("any");
  await page.getByRole("button", { name: "Sign-in" }).click();
}
