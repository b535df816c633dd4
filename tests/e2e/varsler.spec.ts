import { expect, test } from "@playwright/test";
import { makeNationalId } from "../../src/domain/national-id";
import { logIn, osloToday, wcagScan } from "./support";

// Varsler (issue 20): a clinician with a pathway due tomorrow sees it counted
// in the header, follows the link, registers the code, and the notification
// is gone; "Merk alle som lest" empties the count; the page is axe-clean.
// The pathway is made here (started 27 days ago without a first attendance M:
// the 28-day follow-up is due tomorrow), so the demo data stay as they are.

const daysAgo = (n: number) => new Date(Date.parse(`${osloToday()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const PATIENT = "Vera Varselsen";

test("a clinician follows a notification due tomorrow, codes it away, and marks the rest read", async ({ page }) => {
  await logIn(page, "behandler@forlopsvakt.test", "Mine pasienter");
  await page.goto("/forlop/ny");
  await page.getByLabel("Fødselsnummer eller D-nummer").fill(makeNationalId("1933-03-17", 778, { synthetic: true }));
  await page.getByLabel("Pasientens fulle navn").fill(PATIENT);
  await page.getByLabel("Mottatt").fill(daysAgo(30));
  await page.getByLabel("Vurdert (start registreres denne dagen)").fill(daysAgo(27));
  await page.getByLabel("Henviser", { exact: true }).fill("Fastlege Varsel");
  await page.getByLabel("Type pakkeforløp").selectOption("D11");
  await page.getByRole("button", { name: "Opprett forløp" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(PATIENT) })).toBeVisible();

  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: /^Varsler \(\d+\+?\)$/ })).toBeVisible();
  await header.getByRole("link", { name: /^Varsler/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Varsler" })).toBeVisible();
  expect((await wcagScan(page)).violations).toEqual([]);

  const item = page.getByRole("listitem").filter({ hasText: PATIENT });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Forfaller i morgen");
  await item.getByRole("link", { name: PATIENT }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(PATIENT) })).toBeVisible();

  await page.getByRole("button", { name: /^M Første frammøte/ }).click();
  await page.getByRole("button", { name: "Lagre kode" }).click();
  await expect(page.getByText(/^Koden er lagret\./)).toBeVisible();

  await header.getByRole("link", { name: /^Varsler/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Varsler" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: PATIENT })).toHaveCount(0);

  await page.getByRole("button", { name: "Merk alle som lest" }).click();
  await expect(header.getByRole("link", { name: "Varsler (0)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Merk alle som lest" })).toHaveCount(0);
});
