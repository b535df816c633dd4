import { expect, test, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import { makeNationalId } from "../../src/domain/national-id";
import { addCalendarDays } from "../../src/domain/rules/calendar";
import { query } from "./db-snapshot";
import { logIn, osloToday, wcagScan } from "./support";

// Issue 17 item 1 on the pages made after it (session-and-forms.spec.ts has
// the pathway page and Mine pasienter): on a phone-wide screen, each server
// action and client fetch of Henvisninger, Import (the dry run and the
// progress polling), Arbeidsliste (bulk assign, undo), Varsler,
// Innstillinger, Administrasjon (users, rule tables, machine clients) and
// Revisjon meets a session whose cookie is gone: the Norwegian message is
// said in place with a login link back to the same page, what was typed is
// still there, and the page is axe-clean in that state. One login per role
// (the cookie-reuse helper); the cookie is taken away and put back around
// each send, and the login link is followed once per role.

const MESSAGE = "Økten er utløpt – logg inn igjen.";

test.use({ viewport: { width: 390, height: 844 } });

/** Takes the session cookie away, runs `send`, checks the message in place with its login link, and puts the cookie back. */
async function sendExpired(page: Page, context: BrowserContext, send: () => Promise<void>) {
  const cookies: Cookie[] = await context.cookies();
  const path = new URL(page.url()).pathname + new URL(page.url()).search;
  await context.clearCookies();
  await send();
  const login = page.getByRole("link", { name: /Logg inn igjen/ });
  // soft: one run names every page that falls short
  await expect.soft(page.getByText(MESSAGE), path).toBeVisible();
  await expect.soft(login, path).toHaveAttribute("href", `/login?callbackUrl=${encodeURIComponent(path)}`);
  expect.soft(new URL(page.url()).pathname + new URL(page.url()).search, "still on the page").toBe(path);
  expect.soft((await wcagScan(page)).violations, path).toEqual([]);
  return { restore: () => context.addCookies(cookies), login };
}

/** Follows the login link (a new tab), signs in there, and checks it lands on `path`. */
async function logInAgainThrough(page: Page, login: ReturnType<Page["getByRole"]>, email: string, path: string) {
  const [popup] = await Promise.all([page.waitForEvent("popup"), login.click()]);
  await popup.getByLabel("E-post").fill(email);
  await popup.getByLabel("Passord").fill("demo1234");
  await popup.getByRole("button", { name: "Logg inn" }).click();
  await popup.waitForURL((url) => url.pathname + url.search === path);
  await popup.close();
}

test("coordinator: referrals, import and its progress, worklist bulk assign and undo, varsler and innstillinger", async ({ page, context }) => {
  test.setTimeout(240_000);
  const COORDINATOR = "koordinator@forlopsvakt.test";
  await logIn(page, COORDINATOR, "Arbeidsliste");

  // a new referral: every field kept
  await page.goto("/henvisninger/ny");
  const stamp = Date.now();
  const nationalId = makeNationalId(addCalendarDays("1950-01-01", stamp % 18_000), 100 + (Math.floor(stamp / 18_000) % 399), { synthetic: true });
  const referral = {
    "Fødselsnummer, D-nummer eller H-nummer": nationalId,
    "Pasientens fulle navn": `Utløpt Økt ${stamp.toString(36)}`,
    Mottatt: addCalendarDays(osloToday(), -2),
    Henviser: "Fastlege Økt",
    "Notat (valgfritt)": "Skrevet før økten utløp.",
  };
  for (const [label, value] of Object.entries(referral)) await page.getByLabel(label, { exact: true }).fill(value);
  let expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Registrer henvisning" }).click());
  for (const [label, value] of Object.entries(referral)) await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
  await expired.restore();

  // assessing a waiting referral of the coordinator's unit
  const [waiting] = await query<{ id: string }>(
    `SELECT r.id FROM "Referral" r JOIN "Unit" u ON u.id = r."unitId" WHERE u.code = 'DPS-FJ' AND r."assessedDate" IS NULL ORDER BY r."receivedDate" DESC LIMIT 1`,
  );
  await page.goto(`/henvisninger/${waiting.id}`);
  await page.getByLabel("Rett til nødvendig helsehjelp").check();
  const deadline = addCalendarDays(osloToday(), 30);
  await page.getByLabel("Juridisk frist for start av helsehjelp").fill(deadline);
  expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Lagre vurdering" }).click());
  await expect(page.getByLabel("Juridisk frist for start av helsehjelp")).toHaveValue(deadline);
  await expired.restore();

  // the import's dry run: the chosen file stays chosen
  await page.goto("/import");
  await page.getByLabel("Uttrekk (CSV)").setInputFiles({ name: "uttrekk.csv", mimeType: "text/csv", buffer: Buffer.from("event_id;pathway_id\r\n") });
  expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Vis plan (tørrkjøring)" }).click());
  await expect(page.getByLabel("Uttrekk (CSV)")).toHaveValue(/uttrekk\.csv$/);
  await expired.restore();

  // a NUL byte in ?jobb= is a job that is not there, said in Norwegian (it was a 500 from the database)
  const nul = await page.goto("/import?jobb=%00");
  expect(nul?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Fant ikke importen, eller den hører til en enhet du ikke har tilgang til.");

  // a running import's progress, polled each second: said in place, the progress still shown
  const [unit] = await query<{ id: string; userId: string }>(`SELECT u.id, (SELECT id FROM "User" WHERE email = $1) AS "userId" FROM "Unit" u WHERE u.code = 'DPS-FJ'`, [COORDINATOR]);
  const jobId = `e2e-expired-${stamp.toString(36)}`;
  // a run stopped halfway leaves its job RUNNING, and a unit has one running job at most
  await query(`DELETE FROM "ImportJob" WHERE id LIKE 'e2e-expired-%'`);
  await query(`INSERT INTO "ImportJob" (id, "unitId", "userId", "fileName", sha256, "rowsTotal", "rowsDone", "updatedAt") VALUES ($1, $2, $3, 'pågår.csv', $4, 10, 3, now())`, [jobId, unit.id, unit.userId, "0".repeat(64)]);
  try {
    await page.goto(`/import?jobb=${jobId}`);
    await expect(page.getByText("Importen pågår: 3 av 10 rader")).toBeVisible();
    expired = await sendExpired(page, context, async () => {});
    await expect(page.getByText("Importen pågår: 3 av 10 rader")).toBeVisible();
    await expired.restore();
  } finally {
    await query(`DELETE FROM "ImportJob" WHERE id = $1`, [jobId]);
  }

  // bulk assign on the worklist: the ticked row and the chosen clinician stay
  await page.goto("/arbeidsliste");
  const tick = page.getByRole("checkbox", { name: /^Velg / }).first();
  await tick.check();
  const clinician = page.getByLabel("Ansvarlig behandler for valgte rader");
  await clinician.selectOption({ index: 1 });
  const chosen = await clinician.inputValue();
  expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Tildel valgte" }).click());
  await expect(tick).toBeChecked();
  await expect(clinician).toHaveValue(chosen);
  await expired.restore();

  // undoing a postponement (made through the API for this test, undone again after)
  const [row] = await query<{ pathwayId: string; key: string }>(
    `SELECT w."pathwayId", w.key FROM "WorklistItem" w JOIN "Pathway" p ON p.id = w."pathwayId" JOIN "Unit" u ON u.id = p."unitId" WHERE u.code = 'DPS-FJ' LIMIT 1`,
  );
  const postponed = await page.request.post("/api/v1/worklist/postpone", { data: { pathwayId: row.pathwayId, itemKey: row.key, until: addCalendarDays(osloToday(), 7), reason: "Venter på svar (e2e)" } });
  expect(postponed.status()).toBe(200);
  await page.goto("/arbeidsliste/utsatt");
  const undo = page.getByRole("button", { name: /^Angre utsettelse/ }).first();
  expired = await sendExpired(page, context, () => undo.click());
  await expired.restore();
  await undo.click();
  await expect(page.getByText(MESSAGE)).toHaveCount(0);

  // Varsler: marking all as read
  await page.goto("/varsler");
  expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Merk alle som lest" }).click());
  await expired.restore();

  // Innstillinger: the changed horizon stays; the login link comes back here
  await page.goto("/innstillinger");
  const horizon = page.getByLabel("Horisont for frister (dager)");
  await horizon.fill("17");
  expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Lagre" }).click());
  await expect(horizon).toHaveValue("17");
  await logInAgainThrough(page, expired.login, COORDINATOR, "/innstillinger");
});

test("administrator: a new user, a rule-table version and a machine client", async ({ page, context }) => {
  test.setTimeout(180_000);
  const ADMIN = "admin@forlopsvakt.test";
  await logIn(page, ADMIN);

  await page.goto("/admin");
  await page.getByLabel("Navn", { exact: true }).fill("Økt Utløpsen");
  await page.getByLabel("E-post", { exact: true }).fill("okt.utlopsen@forlopsvakt.test");
  let expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Opprett bruker" }).click());
  await expect(page.getByLabel("Navn", { exact: true })).toHaveValue("Økt Utløpsen");
  await expect(page.getByLabel("E-post", { exact: true })).toHaveValue("okt.utlopsen@forlopsvakt.test");
  await expired.restore();

  await page.goto("/admin/klienter");
  await page.getByLabel("Navn", { exact: true }).fill("Utløpt klient");
  await page.getByRole("group", { name: "Enheter" }).getByRole("checkbox").first().check();
  await page.getByRole("group", { name: "Tilganger" }).getByRole("checkbox").first().check();
  expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Opprett maskinklient" }).click());
  await expect(page.getByLabel("Navn", { exact: true })).toHaveValue("Utløpt klient");
  await expired.restore();

  await page.goto("/admin/regeltabeller");
  const form = page.getByRole("region", { name: "Legg til ny versjon" });
  await form.getByLabel("Tabell og rad").selectOption({ label: "Forløpstider: D07 poliklinikk" });
  await form.getByLabel("Gyldig fra").fill("2091-01-01");
  await form.getByLabel("Kilde", { exact: true }).fill("Helsedirektoratet (e2e, utløpt økt)");
  await form.getByLabel("Hvorfor", { exact: true }).fill("Skrevet før økten utløp");
  expired = await sendExpired(page, context, () => form.getByRole("button", { name: "Lagre ny versjon" }).click());
  await expect(form.getByLabel("Hvorfor", { exact: true })).toHaveValue("Skrevet før økten utløp");
  await expect(form.getByLabel("Kilde", { exact: true })).toHaveValue("Helsedirektoratet (e2e, utløpt økt)");
  await logInAgainThrough(page, expired.login, ADMIN, "/admin/regeltabeller");
});

test("privacy officer: the audit search keeps the national id typed", async ({ page, context }) => {
  test.setTimeout(120_000);
  const OFFICER = "personvern@forlopsvakt.test";
  await logIn(page, OFFICER);
  await page.goto("/revisjon");
  await page.getByLabel("Pasientens fødselsnummer").fill("01019012345");
  const expired = await sendExpired(page, context, () => page.getByRole("button", { name: "Søk" }).click());
  await expect(page.getByLabel("Pasientens fødselsnummer")).toHaveValue("01019012345");
  await logInAgainThrough(page, expired.login, OFFICER, "/revisjon");
});
