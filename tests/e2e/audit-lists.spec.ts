import { expect, test, type Page } from "@playwright/test";
import { query } from "./db-snapshot";
import { logIn } from "./support";

// Through the routes a user calls: every response that lists patients writes
// one audit row naming exactly the patients it showed, and a request for a
// record of another unit stays a 404 and is audited as ACCESS_DENIED
// (issue 13, item 6). Reads only the demo data.

/** The newest audit row of a demo user with the action. */
async function lastAudit(email: string, action: string) {
  const [row] = await query<{ id: string; patientIds: string[]; patientId: string | null; pathwayId: string | null; detail: Record<string, unknown> }>(
    `SELECT a.id::text, a."patientIds", a."patientId", a."pathwayId", a.detail FROM "AuditEvent" a JOIN "User" u ON u.id = a."userId"
     WHERE u.email = $1 AND a.action = $2::"AuditAction" ORDER BY a.id DESC LIMIT 1`,
    [email, action],
  );
  return row;
}

async function patientsOf(pathwayIds: string[]) {
  const rows = await query<{ patientId: string }>(`SELECT DISTINCT "patientId" FROM "Pathway" WHERE id = ANY($1::text[]) ORDER BY 1`, [pathwayIds]);
  return rows.map((r) => r.patientId).sort();
}

/** The pathways linked from the page's main content (one link per row shown). */
async function linkedPathways(page: Page) {
  const hrefs = await page.locator("main a[href^='/forlop/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map((h) => /^\/forlop\/([A-Za-z0-9-]+)/.exec(h)?.[1]).filter((id): id is string => !!id && id !== "ny"))];
}

const COORDINATOR = "koordinator@forlopsvakt.test";

test("worklist page, API and CSV, the pathways API, the drill-down and Mine pasienter audit exactly the patients shown", async ({ page }) => {
  await logIn(page, COORDINATOR, "Arbeidsliste");
  await page.goto("/arbeidsliste");
  const onPage = await linkedPathways(page);
  expect(onPage.length).toBeGreaterThan(0);
  expect((await lastAudit(COORDINATOR, "WORKLIST_VIEWED")).patientIds).toEqual(await patientsOf(onPage));

  const api = await (await page.request.get("/api/v1/worklist")).json();
  expect((await lastAudit(COORDINATOR, "WORKLIST_VIEWED")).patientIds).toEqual(await patientsOf(api.rows.map((r: { pathwayId: string }) => r.pathwayId)));

  const csv = await (await page.request.get("/arbeidsliste/eksport")).text();
  const exported = [...csv.matchAll(/\/forlop\/([A-Za-z0-9-]+)/g)].map((m) => m[1]);
  expect(exported.length).toBeGreaterThan(0);
  expect((await lastAudit(COORDINATOR, "EXPORT_DOWNLOADED")).patientIds).toEqual(await patientsOf(exported));

  const list = await (await page.request.get("/api/v1/pathways?limit=7")).json();
  expect(list.items).toHaveLength(7);
  expect((await lastAudit(COORDINATOR, "PATIENT_LIST_VIEWED")).patientIds).toEqual(await patientsOf(list.items.map((i: { id: string }) => i.id)));

  await page.goto("/rapporter/forlop?hva=merknad&periode=siste-12-maaneder");
  const drilled = await linkedPathways(page);
  expect(drilled.length).toBeGreaterThan(0);
  const drillAudit = await lastAudit(COORDINATOR, "PATIENT_LIST_VIEWED");
  expect(drillAudit.detail).toMatchObject({ list: "report-drill-down" });
  expect(drillAudit.patientIds).toEqual(await patientsOf(drilled));

  await page.goto("/mine-pasienter");
  await expect(page.getByRole("heading", { level: 1, name: "Mine pasienter" })).toBeVisible();
  const own = await linkedPathways(page);
  const ownAudit = await lastAudit(COORDINATOR, "PATIENT_LIST_VIEWED");
  expect(ownAudit.detail).toMatchObject({ list: "own" });
  expect(ownAudit.patientIds).toEqual(await patientsOf(own));
});

test("Mine pasienter for a clinician names the clinician's patients", async ({ page }) => {
  const clinician = "behandler@forlopsvakt.test";
  await logIn(page, clinician, "Mine pasienter");
  const own = await linkedPathways(page);
  expect(own.length).toBeGreaterThan(0);
  expect((await lastAudit(clinician, "PATIENT_LIST_VIEWED")).patientIds).toEqual(await patientsOf(own));
});

test("another unit's pathway and event: 404 on the page and the API, each attempt audited with the patient", async ({ page }) => {
  const [target] = await query<{ pathwayId: string; patientId: string; eventId: string }>(
    `SELECT p.id AS "pathwayId", p."patientId", e.id AS "eventId" FROM "Pathway" p JOIN "Unit" u ON u.id = p."unitId"
     JOIN "PathwayEvent" e ON e."pathwayId" = p.id WHERE u.kind = 'DPS' AND u."codesRecordedIn" = 'FORLOPSVAKT' AND e."annulledAt" IS NULL ORDER BY p.id, e.id LIMIT 1`,
  );
  const outsider = "behandler.bup@forlopsvakt.test";
  await logIn(page, outsider, "Mine pasienter");
  const attempts: [string, () => Promise<number>][] = [
    ["patient.read", async () => (await page.goto(`/forlop/${target.pathwayId}`))!.status()],
    ["patient.read", async () => (await page.request.get(`/api/v1/pathways/${target.pathwayId}`)).status()],
    ["event.create", async () => (await page.request.post(`/api/v1/pathways/${target.pathwayId}/events`, { data: { code: "X", date: "2026-01-05" } })).status()],
    ["event.annul", async () => (await page.request.post(`/api/v1/events/${target.eventId}/annul`, { data: { reason: "Feil kode" } })).status()],
  ];
  for (const [attempted, attempt] of attempts) {
    const before = (await lastAudit(outsider, "ACCESS_DENIED"))?.id ?? "0";
    expect(await attempt(), attempted).toBe(404);
    const row = await lastAudit(outsider, "ACCESS_DENIED");
    expect(BigInt(row.id) > BigInt(before), attempted).toBe(true);
    expect(row).toMatchObject({ patientId: target.patientId, pathwayId: target.pathwayId, detail: { attempted, exists: true } });
  }
  const [{ annulled }] = await query<{ annulled: boolean }>(`SELECT "annulledAt" IS NOT NULL AS annulled FROM "PathwayEvent" WHERE id = $1`, [target.eventId]);
  expect(annulled).toBe(false);
});
