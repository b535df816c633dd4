import { expect, test } from "@playwright/test";
import { makeNationalId } from "../../src/domain/national-id";
import { addCalendarDays } from "../../src/domain/rules/calendar";
import { logIn, osloToday, wcagScan } from "./support";

// Issue 19, import from the patient record system: a coordinator uploads an
// extract (Excel's ; with BOM and CRLF), sees the dry run's plan, confirms,
// follows the progress to the result, and the imported pathway is on the
// worklist. Fresh pathway keys and patients per run (from the clock).


test("upload an EPJ extract, see the dry run, confirm, follow the progress, and find the pathway on the worklist", async ({ page }) => {
  const today = osloToday();
  const stamp = Date.now();
  const birth = addCalendarDays("1950-01-01", stamp % 18_000);
  const nationalId = makeNationalId(birth, 100 + (Math.floor(stamp / 18_000) % 399), { synthetic: true });
  const key = `E2E-${stamp.toString(36)}`;
  const name = `Ina Importert ${stamp.toString(36)}`;
  // started long ago, its juridisk frist passed without a first attendance: a fristbrudd, first on the worklist
  const started = "2025-01-06";
  const csv =
    "\uFEFF" +
    [
      "event_id;pathway_id;national_id;patient_name;type;referral_received;care_deadline;date;code;outcome",
      `${key}-1;${key};${nationalId};"${name}";D11;2025-01-02;2025-02-03;${started};D11A;`,
      `${key}-2;${key};${nationalId};"${name}";D11;;;${addCalendarDays(today, 5)};D11M;`,
    ].join("\r\n") +
    "\r\n";

  // the coordinator of the demo unit whose codes the EPJ holds (an import into a Forløpsvakt-led unit needs the one-time checkbox)
  await logIn(page, "koordinator.epj@forlopsvakt.test", "Arbeidsliste");
  await page.getByRole("link", { name: "Import fra EPJ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import fra pasientjournalen" })).toBeVisible();
  await page.getByLabel("Uttrekk (CSV)").setInputFiles({ name: "uttrekk.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Vis plan (tørrkjøring)" }).click();

  const plan = page.getByRole("region", { name: "Plan for importen (ingenting er lagret ennå)" });
  await expect(plan.getByText("1 nye, 0 endret, 0 uendret.")).toBeVisible();
  await expect(plan.getByRole("row", { name: new RegExp(`${key} opprettes`) })).toBeVisible();
  // the future row is refused with its line and a Norwegian reason
  await expect(plan.getByRole("row", { name: new RegExp(`^3 date Datoen .* er i fremtiden\\.$`) })).toBeVisible();
  expect((await wcagScan(page)).violations).toEqual([]);

  await page.getByRole("button", { name: "Importer" }).click();
  await expect(page).toHaveURL(/\/import\?jobb=/);
  await expect(page.getByText("Importen er ferdig: 1 nye, 0 endret, 0 uendret.")).toBeVisible();
  await expect(page.getByText("Forløp opprettet: 1. Avviste rader: 1.")).toBeVisible();
  // the job's stored state survives a reload
  await page.reload();
  await expect(page.getByText("Importen er ferdig: 1 nye, 0 endret, 0 uendret.")).toBeVisible();
  expect((await wcagScan(page)).violations).toEqual([]);

  await page.getByRole("link", { name: "Til arbeidslisten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arbeidsliste" })).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();
  // the EPJ holds the unit's codes: the pathway page has no coding form, and says where to code
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Kodes i pasientjournalen" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lagre kode" })).toHaveCount(0);
});
