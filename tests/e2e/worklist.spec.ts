import { expect, test, type Page } from "@playwright/test";
import { logIn, osloToday, wcagScan } from "./support";

// The forløpskoordinator's worklist on the demo data (src/server/seed/scenarios.ts:
// Bjørn Vassbotn 21 days late on basis assessment, David Skarstein 10 days late
// on extended assessment, Astrid Fjellheim 1 day late).

const rows = (page: Page) => page.locator("table.worklist tbody tr:not(.group)");

/** Days late per row from the status badge: "21 dager over fristen" → 21, "3 dager igjen" → -3. */
async function daysLate(page: Page): Promise<number[]> {
  return (await rows(page).allTextContents()).map((text) => {
    const late = /(\d+) dag(?:er)? over fristen/.exec(text);
    if (late) return Number(late[1]);
    const left = /(\d+) dag(?:er)? igjen/.exec(text);
    return left ? -Number(left[1]) : 0;
  });
}

test("most urgent first: a referral past the legal 10 working days tops the list, rows are compact, the list is counted", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  // the menu marks the page the user is on, and the app has a favicon
  const menu = page.getByRole("navigation", { name: "Hovedmeny" });
  await expect(menu.getByRole("link", { name: "Arbeidsliste" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Henvisninger" })).not.toHaveAttribute("aria-current", "page");
  expect((await page.request.get("/icon.svg")).headers()["content-type"]).toMatch(/image\/svg\+xml/);
  // breaches of patient rights come first (the seed's fristbrudd, then Ingrid Solbakken's referral,
  // 21 days old and not assessed), above every advisory deadline
  await expect(page.locator("tbody th").first()).toHaveText(/^(Fristbrudd: juridisk frist passert|Henvisning ikke vurdert innen 10 virkedager)$/);
  const headings = await page.locator("tbody th").allTextContents();
  expect(headings.indexOf("Henvisning ikke vurdert innen 10 virkedager"), headings.join(" | ")).toBeGreaterThanOrEqual(0);
  expect(headings.indexOf("Henvisning ikke vurdert innen 10 virkedager")).toBeLessThan(headings.indexOf("Forfalte frister"));
  await expect(page.locator("tbody tr", { hasText: "Ingrid Solbakken" }).first()).toBeVisible();
  // those not yet past the limit are "nærmer seg", never in the breach group
  await page.goto("/arbeidsliste?grunn=henvisning&horisont=365");
  expect(await daysLate(page).then((late) => late.every((d) => d > 0))).toBe(true);
  await page.goto("/arbeidsliste");
  // about one line per row (they were ~95 px each; a fristbrudd row's longer text may take a second line)
  const heights = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
  expect(heights.reduce((a, b) => a + b, 0) / heights.length).toBeLessThan(60);
  // the whole list is counted, and paged "side x av y"
  await expect(page.getByTestId("worklist-total")).toHaveText(/^\d+ rader · side 1 av \d+$/);
  const pages = Number(/av (\d+)/.exec((await page.getByTestId("worklist-total").textContent())!)![1]);
  expect(pages).toBeGreaterThan(1);
  await page.getByRole("link", { name: /Neste side/ }).click();
  await expect(page.getByTestId("worklist-total")).toHaveText(new RegExp(`· side 2 av ${pages}$`));

  const results = await wcagScan(page);
  expect(results.violations).toEqual([]);
});

test("overdue deadlines by days late; sorted by date, a year-old notice is never 'days over the deadline' nor on top", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.goto("/arbeidsliste?grunn=forfalt");
  const late = await daysLate(page);
  expect(late.length).toBeGreaterThan(2);
  expect(late.every((d) => d > 0)).toBe(true);
  expect([...late].sort((a, b) => b - a)).toEqual(late);
  await expect(rows(page).filter({ hasText: "Bjørn Vassbotn" })).toContainText("21 dager over fristen");
  await expect(rows(page).filter({ hasText: "Bjørn Vassbotn" })).toContainText("Basisutredning: fristen");
  await expect(rows(page).filter({ hasText: "David Skarstein" })).toContainText("10 dager over fristen");
  await expect(rows(page).filter({ hasText: "Astrid Fjellheim" })).toContainText("1 dag over fristen");
  expect(Number(await page.getByTestId("count-forfalt").textContent())).toBe(late.length);

  await page.goto("/arbeidsliste?sortering=frist&horisont=365");
  const notices = rows(page).filter({ hasText: /Uforklart (merknad|oppmerksomhet)/ });
  const first = (await rows(page).first().textContent())!;
  expect(first).not.toMatch(/Uforklart (merknad|oppmerksomhet)/);
  // the notices alone, by date: old ones first, none labelled late
  await page.goto("/arbeidsliste?sortering=frist&horisont=365&grunn=merknad");
  expect(await notices.count()).toBeGreaterThan(0);
  for (const text of await notices.allTextContents()) expect(text).not.toMatch(/over fristen/);
  await expect(notices.first()).toContainText("Ingen frist");
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

test("a patient's link and a count's link open their page inside the app, without loading a new document", async ({ page }) => {
  // plain anchors followed by one handler per list (src/features/shell/follow-link.ts), as next/link did
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") documents.push(r.url());
  });
  const row = rows(page).first();
  const patient = row.getByRole("link").first();
  const href = (await patient.getAttribute("href"))!;
  expect(href).toMatch(/^\/forlop\/[\w-]+$/);
  await patient.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goBack();
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole("link", { name: "Forfalte frister" }).click();
  await expect(page).toHaveURL(/\/arbeidsliste\?grunn=forfalt$/);
  await expect(page.getByRole("link", { name: "Forfalte frister" })).toHaveAttribute("aria-current", "true");
  expect(documents).toEqual([]);
});

test("filters change the rows and the URL, and a bookmarked URL gives the same list", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.getByLabel("Grunn").selectOption({ label: "Henvisning ikke vurdert innen 10 virkedager" });
  await page.getByLabel("Horisont (dager)").fill("30");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/grunn=henvisning/);
  await expect(page).toHaveURL(/horisont=30/);
  // the form sends every field; the address keeps only those chosen
  expect(new URL(page.url()).search).toBe("?grunn=henvisning&horisont=30");
  await expect(rows(page).filter({ hasText: "Ingrid Solbakken" })).toContainText("Henvisning mottatt");
  expect(await page.locator("tbody th").allTextContents()).toEqual(["Henvisning ikke vurdert innen 10 virkedager"]);

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
  await row.getByLabel("Forklaring på oppmerksomheten").fill("Pasienten fikk direkte rett til behandling; M var ikke aktuelt.");
  await row.getByRole("button", { name: "Marker som forklart" }).click();
  await expect(rows(page).filter({ hasText: "Frode Aasland" }).filter({ hasText: "mangler forutgående kode M" })).toHaveCount(0);
});

test("a postponed row is listed under Utsatt with date, reason and who, and undo brings it back; closed pathways offer no code", async ({ page }) => {
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.goto("/arbeidsliste?grunn=forfalt");
  const row = rows(page).filter({ hasText: "David Skarstein" });
  await row.getByText("Handlinger").click();
  const until = new Date(Date.parse(`${osloToday()}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const shown = until.split("-").reverse().join(".");
  await row.getByLabel("Utsett til").fill(until);
  await row.getByLabel("Hvorfor utsettes raden?").fill("Venter på svar fra fastlegen");
  await row.getByRole("button", { name: "Utsett" }).click();
  await expect(page.getByText(`Raden er utsatt til ${shown}.`)).toBeVisible();
  await expect(rows(page).filter({ hasText: "David Skarstein" })).toHaveCount(0);

  await page.getByRole("link", { name: "Utsatte rader" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Utsatte rader" })).toBeVisible();
  const postponed = page.getByTestId("postponed-row").filter({ hasText: "David Skarstein" });
  await expect(postponed).toContainText(shown);
  await expect(postponed).toContainText("Venter på svar fra fastlegen");
  await expect(postponed).toContainText("Kari Koordinator");
  const scan = await wcagScan(page);
  expect(scan.violations).toEqual([]);
  await postponed.getByRole("button", { name: /Angre utsettelse/ }).click();
  await expect(page.getByText("Utsettelsen er angret, og raden er tilbake på arbeidslisten.")).toBeVisible();
  await expect(page.getByTestId("postponed-row").filter({ hasText: "David Skarstein" })).toHaveCount(0);

  await page.goto("/arbeidsliste?grunn=forfalt");
  await expect(rows(page).filter({ hasText: "David Skarstein" })).toContainText("10 dager over fristen");
  // a closed pathway's notice: explain or postpone, never "Registrer kode"
  await page.goto("/arbeidsliste?grunn=merknad&horisont=365");
  const closed = rows(page).filter({ hasText: "Avsluttet" }).first();
  await closed.getByText("Handlinger").click();
  await expect(closed.getByLabel("Forklaring på oppmerksomheten")).toBeVisible();
  await expect(closed.getByRole("link", { name: "Registrer kode" })).toHaveCount(0);
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
  // the patient column (the third: no reason column in the grouped view)
  const onScreen = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[2].querySelector("a")!.textContent!.trim()));
  const href = (await page.getByRole("link", { name: "Last ned som CSV (Excel)" }).getAttribute("href"))!;
  expect(href).toContain("grunn=forfalt");
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  // the file says what it holds, and its links lead where the page was opened
  expect(response.headers()["content-disposition"]).toMatch(/filename="arbeidsliste_\d{4}-\d{2}-\d{2}_forfalt\.csv"/);
  const origin = new URL(page.url()).origin;
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0].split(";")[0]).toBe("Grunn");
  const patients = lines.slice(1).map((line) => line.split(";")[5]);
  expect(patients).toEqual(onScreen);
  expect(lines.find((l) => l.includes("Bjørn Vassbotn"))).toContain(";-21;");
  for (const line of lines.slice(1)) expect(line.split(";").at(-1)).toMatch(new RegExp(`^${origin}/forlop/[\\w-]+$`));
  // opened at another address of the same server (127.0.0.1 for localhost): the links follow it
  const other = origin.replace("localhost", "127.0.0.1");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const viaIp = (await (await page.request.get(`${other}${href}`, { headers: { cookie } })).body()).toString("utf8").slice(1).trim().split("\r\n");
  expect(viaIp[1].split(";").at(-1)).toMatch(new RegExp(`^${other}/forlop/`));
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

test("on a 390 px phone the worklist and reports fit without sideways scrolling; selected rows are assigned at once", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.goto("/arbeidsliste?behandler=ingen&sortering=frist&horisont=365");
  await expect(rows(page).nth(1)).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(390);
  // a masked national id never breaks over two lines
  expect(await rows(page).first().locator("td:nth-child(3) > span").evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("nowrap");

  // "Tildel valgte": two rows ticked, one clinician, both leave the "no responsible" list
  const hrefs = await Promise.all([0, 1].map((i) => rows(page).nth(i).getByRole("link").first().getAttribute("href")));
  for (const i of [0, 1]) await rows(page).nth(i).getByRole("checkbox").check();
  await page.getByLabel("Ansvarlig behandler for valgte rader").selectOption({ label: "Bente Behandler" });
  await page.getByRole("button", { name: "Tildel valgte" }).click();
  await expect(page.getByText(/Ansvarlig behandler er endret for [12] forløp\./)).toBeVisible();
  for (const href of new Set(hrefs)) await expect(page.locator(`a[href="${href}"]`)).toHaveCount(0);

  await page.goto("/rapporter");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(390);
});
