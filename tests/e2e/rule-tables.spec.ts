import { expect, test } from "@playwright/test";
import { logIn, wcagScan } from "./support";

// /admin/regeltabeller (issue 18): an administrator adds a new version of a
// duration row (never an edit) and sees it listed with who and why, and the
// recompute it asked for. The version is dated far ahead, so no demo pathway
// changes and the other specs see the built-in durations.

test("an administrator adds a duration version and sees it listed with who and why; the page is axe-clean", async ({ page }) => {
  await logIn(page, "admin@forlopsvakt.test");
  await page.goto("/admin/regeltabeller");
  await expect(page.getByRole("heading", { level: 1, name: "Regeltabeller" })).toBeVisible();
  const durations = page.getByRole("region", { name: "Forløpstider" });
  await expect(durations.getByRole("row", { name: /D11 poliklinikk/ }).first()).toContainText("Bekreftet");
  await expect(durations.getByRole("row", { name: /D11 døgn/ }).first()).toContainText("Ikke bekreftet");
  // issue 14: the outcome lists of H, S, U and X are unconfirmed; U's lists its activities with their labels
  const outcomes = page.getByRole("region", { name: "Utfallslister" });
  for (const letter of ["H", "S", "U", "X"]) {
    await expect(outcomes.getByRole("row", { name: new RegExp(`^Utfall for ${letter} `) }).first()).toContainText("Ikke bekreftet");
  }
  await expect(outcomes.getByRole("row", { name: /^Utfall for U / }).first()).toContainText("BP – Behandlingsplan utarbeidet sammen med pasienten · IB – Informert om behandlingsalternativer · TV – Tilbakemeldingsverktøy brukt");

  const form = page.getByRole("region", { name: "Legg til ny versjon" });
  await form.getByLabel("Tabell og rad").selectOption({ label: "Forløpstider: D07 poliklinikk" });
  await expect(form.getByLabel("Basisutredning (dager)")).toHaveValue("56");
  // source and reason are required, a duration is 1–365 days
  await form.getByLabel("Basisutredning (dager)").fill("0");
  await form.getByRole("button", { name: "Lagre ny versjon" }).click();
  await expect(form.getByText("Skriv kilden (minst 3 tegn).")).toBeVisible();
  await expect(form.getByText("Basisutredning må være et helt antall dager (1–365 dager).")).toBeVisible();

  await form.getByLabel("Basisutredning (dager)").fill("49");
  await form.getByLabel("Gyldig fra").fill("2090-01-01");
  await form.getByLabel("Kilde", { exact: true }).fill("Helsedirektoratet, revidert pakkeforløp (e2e)");
  await form.getByLabel("Hvorfor", { exact: true }).fill("Ny forløpstid for basisutredning ved OCD");
  await form.getByRole("button", { name: "Lagre ny versjon" }).click();
  await expect(form.getByText("Den nye versjonen er lagret.", { exact: false })).toBeVisible();

  const added = durations.getByRole("row", { name: /D07 poliklinikk/ }).filter({ hasText: "01.01.2090" });
  await expect(added).toContainText("Basisutredning: 49 dager");
  await expect(added).toContainText("Anders Admin");
  await expect(added).toContainText("Ny forløpstid for basisutredning ved OCD");
  await expect(added).toContainText("Helsedirektoratet, revidert pakkeforløp (e2e)");
  // the version in force today is still the old one
  await expect(durations.getByRole("row", { name: /D07 poliklinikk.*Gjelder nå/ })).not.toContainText("01.01.2090");
  await expect(page.getByRole("status").filter({ hasText: /Omberegning/ })).toBeVisible();

  const results = await wcagScan(page);
  expect(results.violations).toEqual([]);
});
