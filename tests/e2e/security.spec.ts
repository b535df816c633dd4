import { expect, test } from "@playwright/test";
import { logIn, logInWithForm } from "./support";

// Security beyond the access matrix: CSRF, session fixation, and no patient
// identifiers in the addresses the app itself builds.

test("a write from another site is refused even with the session cookie (CSRF)", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test");
  const list = await (await page.request.get("/api/v1/pathways?status=OPEN&limit=1")).json();
  const url = `/api/v1/pathways/${list.items[0].id}/events`;
  const forged = await page.request.post(url, {
    data: '{"code":"L","date":"2026-01-01"}',
    headers: { origin: "https://evil.example", "content-type": "text/plain" },
    failOnStatusCode: false,
  });
  expect(forged.status()).toBe(403);
  // the same request from our own origin reaches validation (it is a bad date for this pathway or a valid one, never 403)
  const own = await page.request.post(url, { data: { code: "Q", date: "2026-01-01" }, headers: { origin: new URL(page.url()).origin }, failOnStatusCode: false });
  expect(own.status()).toBe(422);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.includes("session-token"));
  expect(session?.sameSite).toBe("Lax");
  expect(session?.httpOnly).toBe(true);
});

test("logging in never adopts a session token set before (session fixation)", async ({ page, context }) => {
  const base = new URL(test.info().project.use.baseURL!);
  await context.addCookies([{ name: "authjs.session-token", value: "planted-by-attacker", domain: base.hostname, path: "/" }]);
  await page.goto("/arbeidsliste");
  await expect(page).toHaveURL(/\/login/);
  await logInWithForm(page, "koordinator@forlopsvakt.test");
  const token = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(token?.value).toBeTruthy();
  expect(token?.value).not.toBe("planted-by-attacker");
});

test("addresses built by the app carry no national ids", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test");
  for (const path of ["/arbeidsliste", "/arbeidsliste?grunn=forfalt", "/rapporter"]) {
    await page.goto(path);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    // a national id is 11 digits on their own; a run inside a hex record id (uuid) is not one
    for (const href of hrefs) expect(href, `${path}: ${href}`).not.toMatch(/(?<![0-9a-f])\d{11}(?![0-9a-f])/i);
  }
});
