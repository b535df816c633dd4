import { expect, test, type Page } from "@playwright/test";
import { logIn, wcagScan } from "./support";

// Issue 17, "Speed of the worklist page": reports ≤ 120 kB per view. One full
// load of the leader's report for the largest unit of 400 000 generated
// pathways (134 clinicians) weighed 743 kB: three per-clinician tables of 134
// rows, each cell as HTML and again as React's element tree in the payload
// Next.js inlines for hydration. Budget: 120 kB for a full load (HTML with
// that payload), measured on the demo and projected to 134 clinicians: a
// per-clinician table grows to 134 rows unless it says it shows at most N
// (data-max-rows), each further row costing what the demo's rows cost (its
// markup and its part of the payload). The rest of each table is on its own
// page ("Vis alle"), which lists every clinician.

const BUDGET = 120_000;
const CLINICIANS = 134;
const LEADER = "leder@forlopsvakt.test";
const TABLES = { "compliance-by-clinician": "ansvarlige", "coding-lag-clinicians": "kodeforsinkelse", "quality-by-clinician": "behandlere" } as const;
/** the table of each: by test id, the third by its column (it had no test id before) */
const tableOf = (page: Page, testId: keyof typeof TABLES) =>
  testId === "quality-by-clinician"
    ? page.locator("table").filter({ has: page.getByRole("columnheader", { name: "Oppmerksomheter", exact: true }) })
    : page.getByTestId(testId);
const PAYLOAD = /<script[^>]*>self\.__next_f\.push\([^]*?\)<\/script>/g;

/** Bytes from one row's name to the next row's name: one row, in the markup or in the payload (0 when not there). */
function rowBytes(text: string, first: string, second: string): number {
  let best = Infinity;
  for (let i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
    const j = text.indexOf(second, i + first.length);
    if (j < 0) break;
    best = Math.min(best, Buffer.byteLength(text.slice(i, j)));
  }
  return best === Infinity ? 0 : best;
}

async function weigh(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Rapporter" })).toBeVisible();
  const html = await (await page.request.get(url)).text();
  const markup = html.replace(PAYLOAD, "");
  const payload = (html.match(PAYLOAD) ?? []).join("");
  let projected = Buffer.byteLength(html);
  const tables: Record<string, { shown: number; limit: number; perRow: number }> = {};
  for (const testId of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const table = tableOf(page, testId);
    const names = await table.locator("tbody th").allTextContents();
    expect(names.length, `${testId}: two rows on the demo to weigh one by`).toBeGreaterThanOrEqual(2);
    const limit = Number((await table.getAttribute("data-max-rows")) ?? Infinity);
    const perRow = rowBytes(markup, names[0], names[1]) + rowBytes(payload, names[0], names[1]);
    tables[testId] = { shown: names.length, limit, perRow };
    projected += Math.max(0, Math.min(CLINICIANS, limit) - names.length) * perRow;
  }
  console.log(`report ${url}: ${Buffer.byteLength(html)} B (markup ${Buffer.byteLength(markup)}, payload ${Buffer.byteLength(payload)}), ${projected} B with ${CLINICIANS} clinicians ${JSON.stringify(tables)}`);
  return { bytes: Buffer.byteLength(html), projected, tables };
}

test("one full load of the report weighs under 120 kB, also with 134 clinicians, for a unit and for all; every clinician is a click away", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, LEADER);
  await page.goto("/rapporter");
  const dps = (await page.getByLabel("Enhet").locator("option", { hasText: "DPS" }).getAttribute("value"))!;
  for (const url of [`/rapporter?enhet=${dps}`, "/rapporter"]) {
    const { projected, tables } = await weigh(page, url);
    expect(projected, `full load of ${url}, projected`).toBeLessThanOrEqual(BUDGET);
    for (const [testId, t] of Object.entries(tables)) expect(t.shown, testId).toBeLessThanOrEqual(t.limit);
  }

  // "Vis alle": each table's page lists every clinician (on the demo all fit on the report page too), in the same order
  for (const [testId, tabell] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
    const shown = await tableOf(page, testId).locator("tbody th").allTextContents();
    const all = await page.context().newPage();
    await all.goto(`/rapporter/behandlere?tabell=${tabell}`);
    await expect(all.getByTestId("clinicians-total")).toHaveText(String(shown.length));
    expect(await tableOf(all, testId).locator("tbody th").allTextContents()).toEqual(shown);
    if (tabell === "behandlere") expect((await wcagScan(all)).violations).toEqual([]);
    await all.close();
  }
});
