import { expect, test } from "@playwright/test";
import { makeNationalId } from "../../src/domain/national-id";
import { query } from "./db-snapshot";
import { logIn, osloDateNow, wcagScan } from "./support";

// Issue 18, audit-log review: a clinician opens a pathway; the privacy officer
// (personvern) finds that access in /revisjon by the patient's national id
// (sent by POST, never in the address) and opens the printable access report
// (innsynslogg). Pages axe-clean. Reads the demo data only.


test("personvern finds a clinician's access by national id and prints the patient's access report", async ({ browser }) => {
  const [pathway] = await query<{ id: string; nationalId: string }>(
    `SELECT p.id, pt."nationalId" FROM "Pathway" p JOIN "Patient" pt ON pt.id = p."patientId" JOIN "User" u ON u.id = p."responsibleClinicianId"
     WHERE u.email = 'behandler@forlopsvakt.test' ORDER BY p.id LIMIT 1`,
  );

  const clinicianContext = await browser.newContext();
  const clinician = await clinicianContext.newPage();
  await logIn(clinician, "behandler@forlopsvakt.test", "Mine pasienter");
  await clinician.goto(`/forlop/${pathway.id}`);
  await expect(clinician.locator("main h1")).toBeVisible();
  await clinicianContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, "personvern@forlopsvakt.test", "Revisjon");
  // the officer's menu: the review, nothing clinical
  await expect(page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link")).toHaveText(["Revisjon"]);

  const addresses: string[] = [];
  page.on("request", (r) => addresses.push(r.url()));
  // a valid national id that is nobody's (the demo patients carry synthetic ids)
  const nobody = makeNationalId("1931-03-05", 123);
  await page.getByLabel("Pasientens fødselsnummer").fill(nobody);
  await page.getByRole("button", { name: "Søk" }).click();
  await expect(page.getByRole("form", { name: "Søk i revisjonsloggen" }).getByRole("status")).toHaveText("Ingen treff.");

  await page.getByLabel("Pasientens fødselsnummer").fill(pathway.nationalId);
  await page.getByRole("button", { name: "Søk" }).click();
  await page.waitForURL(/\/revisjon\?pasient=/);
  const access = page.getByRole("row").filter({ hasText: "Bente Behandler" }).filter({ hasText: "Åpnet pakkeforløpet" }).first();
  await expect(access).toContainText("Behandler");
  expect(addresses.filter((url) => url.includes(pathway.nationalId) || url.includes(nobody))).toEqual([]);
  expect((await wcagScan(page)).violations).toEqual([]);

  await page.getByRole("link", { name: "Innsynslogg for pasienten (til utskrift)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Innsynslogg" })).toBeVisible();
  // the report ends on the run's pinned today by default; the access is stamped
  // by the real clock, a day later once the run has crossed midnight
  await page.getByLabel("Til").fill(osloDateNow());
  await page.getByRole("button", { name: "Vis" }).click();
  await page.waitForURL(/[?&]til=/);
  await expect(page.getByRole("row").filter({ hasText: "Bente Behandler" }).filter({ hasText: "Åpnet pakkeforløpet" }).first()).toBeVisible();
  expect((await wcagScan(page)).violations).toEqual([]);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeHidden();

  const [audit] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" a JOIN "User" u ON u.id = a."userId" JOIN "Pathway" p ON p."patientId" = a."patientId"
     WHERE u.email = 'personvern@forlopsvakt.test' AND p.id = $1 AND a.action IN ('AUDIT_SEARCHED', 'ACCESS_REPORT_VIEWED')`,
    [pathway.id],
  );
  expect(Number(audit.n)).toBeGreaterThanOrEqual(2);
  await context.close();
});
