import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { computeIndicators, evaluatePathway, type PathwayInput } from "../../src/domain/rules";
import { presetPeriod } from "../../src/domain/reports/period";
import { logIn, osloToday, wcagScan } from "./support";

// The leader's reports on the demo data. The expected figures are computed
// here, independently of the app's SQL: raw rows from the database through
// the pure rules engine.

async function engineIndicators(from: string, to: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT p.id, p.type::text AS type, p.setting::text AS setting, p."directTreatmentRight", p.severe,
        to_char(r."receivedDate", 'YYYY-MM-DD') AS received, to_char(r."legalDeadline", 'YYYY-MM-DD') AS "legalDeadline",
        COALESCE((SELECT json_agg(json_build_object('id', e.id, 'code', e.code, 'outcome', e.outcome, 'activityCode', e."activityCode",
          'date', to_char(e."clinicalDate", 'YYYY-MM-DD'), 'recordedAt', to_char(e."recordedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'annulled', e."annulledAt" IS NOT NULL)) FROM "PathwayEvent" e WHERE e."pathwayId" = p.id), '[]') AS events
      FROM "Pathway" p JOIN "Referral" r ON r.id = p."referralId"`);
    const inputs: PathwayInput[] = rows.map((r) => ({
      id: r.id, type: r.type, setting: r.setting === "DOGN" ? "dogn" : "poliklinikk", referralReceived: r.received, careDeadline: r.legalDeadline,
      directTreatmentRight: r.directTreatmentRight, severe: r.severe, events: r.events,
    }));
    return computeIndicators(inputs.map((i) => evaluatePathway(i, osloToday())), { from, to });
  } finally {
    await client.end();
  }
}

async function figures(page: Page, kind: string) {
  const cells = await page.getByTestId(`compliance-${kind}`).locator("td").allTextContents();
  return { numerator: Number(cells[1]), denominator: Number(cells[2]), service: Number(cells[3]), patient: Number(cells[4]) };
}

test("the leader's figures match the rules engine on the seeded pathways, with no accessibility violations", async ({ page }) => {
  await logIn(page, "leder@forlopsvakt.test");
  await expect(page.getByRole("heading", { level: 1, name: "Rapporter" })).toBeVisible();
  const period = presetPeriod("dette-tertialet", osloToday());
  const expected = await engineIndicators(period.from, period.to);
  for (const kind of ["referral_assessment", "care_start", "basis_assessment", "extended_assessment", "first_evaluation"] as const) {
    const share = expected.byKind[kind];
    expect(await figures(page, kind), kind).toEqual({
      numerator: share.numerator, denominator: share.denominator, service: share.breachesByCause.service, patient: share.breachesByCause.patient,
    });
  }
  for (const indicator of ["treatment_plan", "informed_of_options", "feedback_tool"] as const) {
    const share = expected.involvement[indicator];
    const cells = await page.getByTestId(`involvement-${indicator}`).locator("td").allTextContents();
    expect({ numerator: Number(cells[1]), denominator: Number(cells[2]) }, indicator).toEqual({ numerator: share.numerator, denominator: share.denominator });
  }
  // fristbrudd: the legal deadlines not met, for all the leader's units
  const legal = expected.byKind.care_start;
  const breachCells = await page.getByTestId("breaches-total").locator("td").allTextContents();
  expect({ count: Number(breachCells[0]), measured: Number(breachCells[2]) }).toEqual({ count: legal.denominator - legal.numerator, measured: legal.denominator });
  await expect(page.getByTestId("quality-summary")).toContainText(`${expected.notices} oppmerksomheter på ${expected.events} hendelser`);
  const scan = await wcagScan(page);
  expect(scan.violations).toEqual([]);
});

test("a number's drill-down lists exactly that many pathways", async ({ page }) => {
  await logIn(page, "leder@forlopsvakt.test");
  await page.goto("/rapporter");
  const { denominator, service } = await figures(page, "basis_assessment");
  await page.getByTestId("compliance-basis_assessment").locator("td").nth(2).getByRole("link").click();
  await expect(page.getByTestId("drill-down-total")).toHaveText(String(denominator));
  // 100 rows a page (the paging itself: the next test)
  await expect(page.getByTestId("drill-down-row")).toHaveCount(Math.min(denominator, 100));
  const scan = await wcagScan(page);
  expect(scan.violations).toEqual([]);
  await page.goBack();
  await page.getByTestId("compliance-basis_assessment").locator("td").nth(3).getByRole("link").click();
  await expect(page.getByTestId("drill-down-row")).toHaveCount(Math.min(service, 100));
});

test("previous period, per clinician, coding lag and the trend's n are shown; a drill-down pages, names what it counts and downloads", async ({ page }) => {
  await logIn(page, "leder@forlopsvakt.test");
  await expect(page.getByRole("heading", { level: 1, name: "Rapporter" })).toBeVisible();
  // the previous period (as long, just before) beside each share, and the change
  await expect(page.getByRole("columnheader", { name: "Forrige periode" })).toBeVisible();
  await expect(page.getByTestId("compliance-referral_assessment").locator("td").nth(5)).toHaveText(/^(\d+ %|–) \(\d+ av \d+\)$/);
  await expect(page.getByTestId("compliance-referral_assessment").locator("td").nth(6)).toHaveText(/^([+−]\d+|±0) pp$|^–$/);
  await expect(page.getByTestId("compliance-by-clinician").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("coding-lag-units").locator("tbody tr").first()).toContainText(/\d+ dag/);
  await expect(page.getByTestId("coding-lag-clinicians").locator("tbody tr").first()).toBeVisible();
  // the trend has referral assessment, and every month says its n
  const trend = page.getByTestId("trend-table");
  await expect(trend.getByRole("columnheader", { name: /Vurdering av henvisning/ })).toBeVisible();
  for (const cell of await trend.locator("tbody td").allTextContents()) expect(cell).toMatch(/^(\d+ % \(\d+ av \d+\)|ingen målt \(0 av 0\))$/);
  await expect(page.getByTestId("trend-point").first().locator("title")).toHaveText(/\(\d+ av \d+\)$/);
  const reportScan = await wcagScan(page);
  expect(reportScan.violations).toEqual([]);

  // the feedback denominator counts clinical decisions, not pathways
  const decisions = Number(await page.getByTestId("compliance-feedback").locator("td").nth(2).textContent());
  await page.getByTestId("compliance-feedback").locator("td").nth(2).getByRole("link").click();
  await expect(page.getByTestId("drill-down-noun")).toHaveText(decisions === 1 ? "klinisk beslutning" : "kliniske beslutninger");
  const pages = Math.max(1, Math.ceil(decisions / 100));
  await expect(page.getByTestId("drill-down-page")).toHaveText(` · side 1 av ${pages}`);
  if (pages > 1) {
    await page.getByRole("link", { name: /^Neste side/ }).click();
    await expect(page).toHaveURL(/side=2/);
    await expect(page.getByTestId("drill-down-page")).toHaveText(` · side 2 av ${pages}`);
    await expect(page.getByTestId("drill-down-row")).toHaveCount(Math.min(100, decisions - 100));
  }
  const drillScan = await wcagScan(page);
  expect(drillScan.violations).toEqual([]);
  // the CSV has every row, not the page's
  const csv = await page.request.get((await page.getByRole("link", { name: /^Last ned CSV/ }).getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/filename="rapport-kliniske-beslutninger-alle-malte-[\d-]+\.csv"/);
  expect((await csv.text()).trimEnd().split("\r\n")).toHaveLength(decisions + 1);
});

test("the period switch changes the figures and the URL; CSV has the page's numbers", async ({ page }) => {
  await logIn(page, "leder@forlopsvakt.test");
  await page.goto("/rapporter");
  await page.getByLabel("Periode", { exact: true }).selectOption({ label: "I fjor" });
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/periode=i-fjor/);
  const lastYear = String(Number(osloToday().slice(0, 4)) - 1);
  await expect(page.getByText(new RegExp(`^${lastYear} \\(01\\.01\\.${lastYear}`))).toBeVisible();
  const expected = await engineIndicators(`${lastYear}-01-01`, `${lastYear}-12-31`);
  expect(await figures(page, "basis_assessment")).toMatchObject({
    numerator: expected.byKind.basis_assessment.numerator, denominator: expected.byKind.basis_assessment.denominator,
  });

  const href = (await page.getByRole("link", { name: "Last ned CSV" }).first().getAttribute("href"))!;
  expect(href).toContain("periode=i-fjor");

  // typed dates choose the custom period (they were ignored unless "Egendefinert" was chosen too)
  await page.getByLabel(/^Fra/).fill(`${lastYear}-02-01`);
  await page.getByLabel(/^Til/).fill(`${lastYear}-03-31`);
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page.getByText(`(01.02.${lastYear}–31.03.${lastYear})`, { exact: false })).toBeVisible();
  await expect(page.getByLabel("Periode", { exact: true })).toHaveValue("egen");
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const text = (await response.body()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const basis = text.split("\r\n").find((line) => line.startsWith("Basisutredning"))!.split(";");
  expect([Number(basis[2]), Number(basis[3])]).toEqual([expected.byKind.basis_assessment.numerator, expected.byKind.basis_assessment.denominator]);
});

test("a user without access to a unit sees none of its numbers; clinicians have no reports", async ({ page, browser }) => {
  await logIn(page, "leder@forlopsvakt.test");
  await page.goto("/rapporter");
  const dps = await page.getByLabel("Enhet").locator("option", { hasText: "DPS" }).getAttribute("value");

  const bup = await browser.newPage();
  await logIn(bup, "koordinator.bup@forlopsvakt.test");
  await bup.goto(`/rapporter?enhet=${dps}`);
  // said plainly, and the report is of the user's own unit (it said "0 enheter")
  await expect(bup.getByRole("alert").filter({ hasText: "Noen valg" })).toContainText("Enheten i adressen finnes ikke, eller du har ikke tilgang til den.");
  await expect(bup.getByText("0 enheter")).toHaveCount(0);
  await expect(bup.getByText(/BUP Fjordby/).first()).toBeVisible();
  await bup.goto(`/rapporter?enhet=ukjent-enhet`);
  await expect(bup.getByRole("alert").filter({ hasText: "Noen valg" })).toContainText("Enheten i adressen finnes ikke");
  await bup.goto(`/rapporter/forlop?enhet=${dps}&hva=frist&kind=basis_assessment`);
  await expect(bup.getByTestId("drill-down-total")).toHaveText("0");
  await bup.close();

  const clinician = await browser.newPage();
  await logIn(clinician, "behandler@forlopsvakt.test");
  await clinician.goto("/rapporter");
  await expect(clinician.getByRole("heading", { level: 1, name: "Ingen tilgang" })).toBeVisible();
  expect((await clinician.request.get("/rapporter/eksport?tabell=etterlevelse")).status()).toBe(403);
  await clinician.close();
});
