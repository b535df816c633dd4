import { expect, test, type Page } from "@playwright/test";
import { wcagScan } from "./support";

const DEMO_USERS = [
  { email: "koordinator@forlopsvakt.test", path: "/arbeidsliste", heading: "Arbeidsliste" },
  { email: "behandler@forlopsvakt.test", path: "/mine-pasienter", heading: "Mine pasienter" },
  { email: "leder@forlopsvakt.test", path: "/rapporter", heading: "Rapporter" },
  { email: "admin@forlopsvakt.test", path: "/admin", heading: "Administrasjon" },
  { email: "behandler.bup@forlopsvakt.test", path: "/mine-pasienter", heading: "Mine pasienter" },
];

async function logIn(page: Page, email: string, password = "demo1234") {
  await page.goto("/login");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
}

test("an unauthenticated visitor is sent to the login page", async ({ page }) => {
  await page.goto("/mine-pasienter");
  // with the page to come back to after login
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmine-pasienter$/);
  await expect(page.getByRole("heading", { name: "Logg inn" })).toBeVisible();
});

test("the login page has no WCAG 2.1 AA violations", async ({ page }) => {
  await page.goto("/login");
  const results = await wcagScan(page);
  expect(results.violations).toEqual([]);
});

for (const user of DEMO_USERS) {
  test(`${user.email} lands on the page made for the role`, async ({ page }) => {
    await logIn(page, user.email);
    await expect(page).toHaveURL(new RegExp(`${user.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: user.heading })).toBeVisible();
    const results = await wcagScan(page);
    expect(results.violations).toEqual([]);
  });
}

test("a wrong password gives a clear Norwegian message", async ({ page }) => {
  await logIn(page, "behandler@forlopsvakt.test", "feil-passord");
  // (Next.js adds an empty route announcer with role="alert" too.)
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Feil e-post eller passord.");
  await expect(page).toHaveURL(/\/login/);
});

test("a clinician cannot open the leader's reports", async ({ page }) => {
  await logIn(page, "behandler@forlopsvakt.test");
  await expect(page).toHaveURL(/\/mine-pasienter$/);
  const response = await page.goto("/rapporter");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Ingen tilgang" })).toBeVisible();
});

test("every page carries the security headers", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
});

// A form posted before the page is interactive (or with JavaScript off) is a
// plain form POST: under "Referrer-Policy: no-referrer" the browser sends it
// with "Origin: null", and Next.js refused the login's server action as
// cross-origin (the login then hung on an error page).
test("the login form works as a plain form post, before the page is interactive or without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, "leder@forlopsvakt.test");
  await expect(page).toHaveURL(/\/rapporter$/);
  await expect(page.getByRole("heading", { level: 1, name: "Rapporter" })).toBeVisible();
  await context.close();
});

test("GET /api/health answers ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
