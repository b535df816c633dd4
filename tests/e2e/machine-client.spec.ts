import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import { makeNationalId } from "../../src/domain/national-id";
import { ids } from "./access-support";
import { logIn, osloToday } from "./support";

// Machine clients (issue 18): an administrator creates a client with
// events:write for DPS on /admin/klienter and copies its token, shown once;
// the EPJ registers an event by bearer token on a DPS pathway, is refused on
// a BUP pathway (404), and after the administrator revokes it (401). The
// pathway is a new one, started by the coordinator in the browser, so the
// demo pathways other specs rely on stay untouched.

function daysAgo(n: number): string {
  const d = new Date(`${osloToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

test("an administrator creates a machine client whose token registers events in its unit only, until revoked", async ({ browser, page: admin, playwright }) => {
  test.setTimeout(90_000);
  // a new DPS pathway, started five days ago
  const coordinator = await (await browser.newContext()).newPage();
  await logIn(coordinator, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await coordinator.goto("/forlop/ny");
  await coordinator.getByLabel("Fødselsnummer eller D-nummer").fill(makeNationalId("1933-05-17", 778, { synthetic: true }));
  await coordinator.getByLabel("Pasientens fulle navn").fill("Mikkel Maskinklient");
  await coordinator.getByLabel("Mottatt").fill(daysAgo(6));
  await coordinator.getByLabel("Vurdert (start registreres denne dagen)").fill(daysAgo(5));
  await coordinator.getByLabel("Henviser", { exact: true }).fill("Fastlege Hansen");
  await coordinator.getByLabel("Type pakkeforløp").selectOption("D11");
  await coordinator.getByRole("button", { name: "Opprett forløp" }).click();
  // run again on the same database: the pathway is there already
  const heading = coordinator.getByRole("heading", { level: 1, name: /Mikkel Maskinklient/ });
  const existing = coordinator.getByRole("link", { name: "Gå til det åpne forløpet" });
  await expect(heading.or(existing)).toBeVisible();
  if (await existing.isVisible()) await existing.click();
  await expect(heading).toBeVisible();
  const dpsPathway = new URL(coordinator.url()).pathname.split("/").pop()!;
  await coordinator.context().close();

  // the administrator creates the client and sees its token once
  await logIn(admin, "admin@forlopsvakt.test");
  await admin.goto("/admin/klienter");
  await expect(admin.getByRole("heading", { level: 1, name: "Maskinklienter" })).toBeVisible();
  const scan = await new AxeBuilder({ page: admin }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(scan.violations).toEqual([]);
  await admin.getByLabel("Navn").fill("DIPS e2e");
  await admin.getByRole("group", { name: "Enheter" }).getByLabel(/Fjordby DPS/).check();
  await admin.getByRole("checkbox", { name: /events:write/ }).check();
  await admin.getByRole("button", { name: "Opprett maskinklient" }).click();
  const tokenField = admin.getByLabel(/Nøkkel – kopier den nå/);
  await expect(tokenField).toHaveValue(/^fvk_/);
  const token = await tokenField.inputValue();
  const row = admin.getByRole("row", { name: /DIPS e2e/ });
  await expect(row).toContainText("events:write");
  await expect(row).toContainText("Aktiv");

  // the EPJ: no session, only the token
  const epj = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const registered = await epj.post(`/api/v1/pathways/${dpsPathway}/events`, { data: { code: "M", date: daysAgo(2) } });
  expect(registered.status()).toBe(201);
  expect((await registered.json()).event).toMatchObject({ code: "M", clinicalDate: daysAgo(2) });
  const bupPathway = (await ids()).other;
  const elsewhere = await epj.post(`/api/v1/pathways/${bupPathway}/events`, { data: { code: "M", date: daysAgo(2) } });
  expect(elsewhere.status()).toBe(404);
  // events:write only: reading is another scope
  expect((await epj.get(`/api/v1/pathways/${dpsPathway}`)).status()).toBe(403);

  // the audit log names the client, not a person
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const audit = await db.query(
      `SELECT a."userId", c."name" FROM "AuditEvent" a JOIN "MachineClient" c ON c."id" = a."clientId" WHERE a."action" = 'EVENT_CREATED' AND a."pathwayId" = $1`,
      [dpsPathway],
    );
    expect(audit.rows).toEqual([{ userId: null, name: "DIPS e2e" }]);
  } finally {
    await db.end();
  }

  // revoked: the very next call is refused
  admin.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: /Tilbakekall/ }).click();
  await expect(row).toContainText("Tilbakekalt");
  const afterRevoke = await epj.post(`/api/v1/pathways/${dpsPathway}/events`, { data: { code: "E", date: daysAgo(1), justification: "Etter tilbakekalling" } });
  expect(afterRevoke.status()).toBe(401);
  expect((await afterRevoke.json()).error).toBe("invalid_token");
  await epj.dispose();
});
