import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { logIn } from "./support";

// The forløpskoordinator's worklist on the demo data (src/server/seed/scenarios.ts:
// Bjørn Vassbotn 21 days late on basis assessment, David Skarstein 10 days late
// on extended assessment, Astrid Fjellheim 1 day late).

const rows = (page: Page) => page.getByTestId("worklist-row");

/** Days late per row from the status badge: "21 dager over fristen" → 21, "3 dager igjen" → -3. */
async function daysLate(page: Page): Promise<number[]> {
  return (await rows(page).allTextContents()).map((text) => {
    const late = /(\d+) dag(?:er)? over fristen/.exec(text);
    if (late) return Number(late[1]);
    const left = /(\d+) dag(?:er)? igjen/.exec(text);
    return left ? -Number(left[1]) : 0;
  });
}

test("the coordinator's overdue deadlines come first, largest delay first, with the right days late", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  // grouped by reason: only the legal deadline's groups (a patient's right) come before the overdue deadlines
  await expect(page.locator("tbody th").first()).toBeVisible();
  const groups = await page.locator('tbody th[scope="colgroup"]').allTextContents();
  const overdue = groups.indexOf("Forfalte frister");
  expect(overdue, groups.join(" | ")).toBeGreaterThanOrEqual(0);
  expect(groups.slice(0, overdue).every((g) => /juridisk frist/i.test(g)), groups.join(" | ")).toBe(true);
  await page.getByLabel("Grunn").selectOption({ label: "Forfalte frister" });
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/grunn=forfalt/);

  const late = await daysLate(page);
  expect(late.length).toBeGreaterThan(2);
  expect(late.every((d) => d > 0)).toBe(true);
  expect([...late].sort((a, b) => b - a)).toEqual(late);

  await expect(rows(page).filter({ hasText: "Bjørn Vassbotn" })).toContainText("21 dager over fristen");
  await expect(rows(page).filter({ hasText: "Bjørn Vassbotn" })).toContainText("Basisutredning: fristen");
  await expect(rows(page).filter({ hasText: "David Skarstein" })).toContainText("10 dager over fristen");
  await expect(rows(page).filter({ hasText: "Astrid Fjellheim" })).toContainText("1 dag over fristen");
  const count = await page.getByTestId("count-forfalt").textContent();
  expect(Number(count)).toBe(late.length);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations).toEqual([]);
});

test("showing the list does not make the browser prefetch each patient's pathway or each count's list", async ({ page }) => {
  // each prefetch is a server request; one large-unit view used to send 24–36
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetched.push(r.url().replace(/^https?:\/\/[^/]+/, ""));
  });
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await expect(rows(page).first()).toBeVisible();
  // the header's links are still prefetched: once they are, the links in view have had their turn
  await expect.poll(() => prefetched.some((url) => url.startsWith("/rapporter"))).toBe(true);
  await page.mouse.wheel(0, 5000);
  await page.waitForLoadState("networkidle");
  expect(prefetched.filter((url) => /^\/forlop\/(?!ny\b)/.test(url) || url.includes("grunn="))).toEqual([]);
});

test("filters change the rows and the URL, and a bookmarked URL gives the same list", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.getByLabel("Grunn").selectOption({ label: "Henvisning ikke vurdert innen 10 virkedager" });
  await page.getByLabel("Horisont (dager)").fill("30");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/grunn=henvisning/);
  await expect(page).toHaveURL(/horisont=30/);
  await expect(rows(page).filter({ hasText: "Ingrid Solbakken" })).toContainText("Henvisning mottatt");
  for (const text of await rows(page).allTextContents()) expect(text).toContain("Henvisning ikke vurdert");

  const bookmarked = page.url();
  const before = await rows(page).allTextContents();
  await page.goto("/arbeidsliste");
  await page.goto(bookmarked);
  expect(await rows(page).allTextContents()).toEqual(before);
  await expect(page.getByLabel("Horisont (dager)")).toHaveValue("30");

  await page.goto("/arbeidsliste?horisont=-5");
  await expect(page.getByText(/Noen filtre i adressen var ugyldige/)).toContainText("Horisonten kan ikke være negativ.");
});

test("explaining a notice removes it from the list", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.goto("/arbeidsliste?grunn=merknad");
  const row = rows(page).filter({ hasText: "Frode Aasland" }).filter({ hasText: "mangler forutgående kode M" });
  await expect(row).toHaveCount(1);
  await row.getByText("Handlinger").click();
  await row.getByLabel("Forklaring på merknaden").fill("Pasienten fikk direkte rett til behandling; M var ikke aktuelt.");
  await row.getByRole("button", { name: "Marker som forklart" }).click();
  await expect(rows(page).filter({ hasText: "Frode Aasland" }).filter({ hasText: "mangler forutgående kode M" })).toHaveCount(0);
});

test("assigning a clinician shows the pathway on that clinician's own list", async ({ page, browser }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.goto("/arbeidsliste?behandler=ingen&sortering=frist&horisont=365");
  const row = rows(page).first();
  await expect(row).toBeVisible();
  const href = (await row.getByRole("link").first().getAttribute("href"))!;
  expect(href).toMatch(/^\/forlop\/[\w-]+$/);

  await row.getByText("Handlinger").click();
  await row.getByLabel(/Ansvarlig behandler for/).selectOption({ label: "Bente Behandler" });
  await row.getByRole("button", { name: "Lagre behandler" }).click();
  await expect(page.getByText("Ansvarlig behandler er endret.")).toBeVisible();

  const clinician = await browser.newPage();
  await logIn(clinician, "behandler@forlopsvakt.test", "Mine pasienter");
  await expect(clinician.locator(`a[href="${href}"]`)).toBeVisible();
  await clinician.close();
});

test("the CSV export holds the same rows as the screen, readable by Excel", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.goto("/arbeidsliste?grunn=forfalt");
  const onScreen = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[3].querySelector("a")!.textContent!.trim()));
  const href = (await page.getByRole("link", { name: "Last ned som CSV (Excel)" }).getAttribute("href"))!;
  expect(href).toContain("grunn=forfalt");
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0].split(";")[0]).toBe("Grunn");
  const patients = lines.slice(1).map((line) => line.split(";")[5]);
  expect(patients).toEqual(onScreen);
  expect(lines.find((l) => l.includes("Bjørn Vassbotn"))).toContain(";-21;");
});

test("clinicians have no worklist, and a coordinator sees no other unit's rows", async ({ page, browser }) => {
  await logIn(page, "behandler@forlopsvakt.test", "Mine pasienter");
  await page.goto("/arbeidsliste");
  await expect(page.getByRole("heading", { level: 1, name: "Ingen tilgang" })).toBeVisible();
  expect((await page.request.get("/api/v1/worklist")).status()).toBe(403);
  expect((await page.request.get("/arbeidsliste/eksport")).status()).toBe(403);

  // the BUP coordinator asks for the DPS unit by id: nothing, not DPS rows
  const dps = await browser.newPage();
  await logIn(dps, "koordinator@forlopsvakt.test", "Arbeidsliste");
  const dpsUnitId = await dps.getByLabel("Enhet").locator("option").nth(1).getAttribute("value");
  await dps.close();
  const bup = await browser.newPage();
  await logIn(bup, "koordinator.bup@forlopsvakt.test", "Arbeidsliste");
  await bup.goto(`/arbeidsliste?enhet=${dpsUnitId}&horisont=365`);
  await expect(bup.getByText("Ingen forløp trenger handling med disse filtrene.")).toBeVisible();
  const api = await bup.request.get(`/api/v1/worklist?enhet=${dpsUnitId}`);
  expect((await api.json()).rows).toEqual([]);
  await bup.close();
});
