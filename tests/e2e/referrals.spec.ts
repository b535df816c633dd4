import { expect, test } from "@playwright/test";
import { makeNationalId } from "../../src/domain/national-id";
import { referralDueDate } from "../../src/domain/referrals";
import { addCalendarDays } from "../../src/domain/rules/calendar";
import { logIn, osloToday, wcagScan } from "./support";

// Issue 16, the intake path a coordinator takes every morning: a referral for
// a new patient registered, seen on Henvisninger with its 10-working-day due
// date, assessed with a right, a legal deadline and a pathway, and the pathway
// found on the responsible clinician's Mine pasienter.

const norwegian = (iso: string) => iso.split("-").reverse().join(".");

test("register a referral for a new patient, assess it with a right and a pathway, and the clinician finds the pathway", async ({ page, browser }) => {
  const today = osloToday();
  const received = addCalendarDays(today, -3);
  // a fresh patient per run: birth date and individual number from the clock
  const stamp = Date.now();
  const birth = addCalendarDays("1950-01-01", stamp % 18_000);
  const nationalId = makeNationalId(birth, 100 + (Math.floor(stamp / 18_000) % 399), { synthetic: true });
  const name = `Eli Henvist ${stamp.toString(36)}`;

  await logIn(page, "koordinator@forlopsvakt.test", "Arbeidsliste");
  await page.getByRole("link", { name: "Henvisninger" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Henvisninger" })).toBeVisible();
  await page.getByRole("link", { name: "Registrer henvisning" }).click();

  await page.getByLabel("Fødselsnummer, D-nummer eller H-nummer").fill(nationalId);
  await page.getByLabel("Pasientens fulle navn").fill(name);
  await page.getByLabel("Mottatt").fill(received);
  await page.getByLabel("Henviser", { exact: true }).fill("Fastlege Siri Berg");
  await page.getByLabel("Henviserens HPR-nummer (valgfritt)").fill("91a4");
  await page.getByLabel("Notat (valgfritt)").fill("Vedvarende angst.");
  await page.getByRole("button", { name: "Registrer henvisning" }).click();
  // refused by the server: the message at the field, every typed value kept
  await expect(page.getByText("HPR-nummeret skal bare ha sifre (4–9 sifre).")).toBeVisible();
  await expect(page.getByLabel("Pasientens fulle navn")).toHaveValue(name);
  await expect(page.getByLabel("Mottatt")).toHaveValue(received);
  await expect(page.getByLabel("Notat (valgfritt)")).toHaveValue("Vedvarende angst.");
  await page.getByLabel("Henviserens HPR-nummer (valgfritt)").fill("9144889");
  await page.getByRole("button", { name: "Registrer henvisning" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Henvisninger" })).toBeVisible();
  const row = page.getByTestId("referral-row").filter({ hasText: name });
  await expect(row).toContainText(norwegian(referralDueDate(received)));
  await expect(row).toContainText(/virkedag(er)? igjen|Frist i dag/);
  expect(new URL(page.url()).search).not.toContain(nationalId);
  expect((await wcagScan(page)).violations).toEqual([]);

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Henvisning for ${name}` })).toBeVisible();
  await page.getByLabel("Rett til nødvendig helsehjelp").check();
  await page.getByLabel("Juridisk frist for start av helsehjelp").fill(addCalendarDays(today, 30));
  await page.getByLabel("Ansvarlig behandler").selectOption({ label: "Bente Behandler" });
  expect((await wcagScan(page)).violations).toEqual([]);
  await page.getByRole("button", { name: "Lagre vurdering" }).click();
  // the pathway has started on the assessment day: its page, no second entry
  await expect(page).toHaveURL(/\/forlop\/[A-Za-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();

  const clinician = await browser.newContext();
  const clinicianPage = await clinician.newPage();
  await logIn(clinicianPage, "behandler@forlopsvakt.test", "Mine pasienter");
  await clinicianPage.getByLabel("Søk på navn eller siste siffer i fødselsnummer").fill(name);
  await clinicianPage.getByRole("button", { name: "Søk" }).click();
  await expect(clinicianPage.getByRole("link", { name })).toBeVisible();
  await clinician.close();
});
