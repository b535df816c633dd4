import { expect, test, type Page } from "@playwright/test";
import { logIn, wcagScan } from "./support";

// The clinician's coding flow on seeded demo patients (src/server/seed/scenarios.ts).

const logInAsClinician = (page: Page) => logIn(page, "behandler@forlopsvakt.test", "Mine pasienter");

async function openPatient(page: Page, name: string) {
  await page.getByLabel("Søk på navn eller siste siffer i fødselsnummer").fill(name);
  await page.getByRole("button", { name: "Søk" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
}

async function registerSuggested(page: Page, buttonName: RegExp) {
  await page.getByRole("button", { name: buttonName }).click();
  await expect(page.getByRole("region", { name: "Registrer kode" }).getByText(/registreres|på dag \d+ av \d+/)).toBeVisible();
  await page.getByRole("button", { name: "Lagre kode" }).click();
  await expect(page.getByText(/^Koden er lagret\./)).toBeVisible();
}


test("Mine pasienter lists the clinician's pathways by urgency, with no accessibility violations", async ({ page }) => {
  await logInAsClinician(page);
  const bjorn = page.getByRole("row").filter({ hasText: "Bjørn Vassbotn" });
  await expect(bjorn).toContainText("21 dager over fristen");
  await expect(page.getByRole("row").filter({ hasText: "Astrid Fjellheim" })).toContainText("1 dag over fristen");
  await expect(page.getByRole("row").filter({ hasText: "Cecilie Brekke" })).toContainText("5 dager igjen");
  // Most urgent first: 21 days late before 1 day late before 5 days left.
  const names = await page.getByRole("row").allTextContents();
  const at = (name: string) => names.findIndex((row) => row.includes(name));
  expect(at("Bjørn Vassbotn")).toBeLessThan(at("Astrid Fjellheim"));
  expect(at("Astrid Fjellheim")).toBeLessThan(at("Cecilie Brekke"));
  expect((await wcagScan(page)).violations).toEqual([]);
});

test("Mine pasienter searches by name without putting the name in the address", async ({ page }) => {
  await logInAsClinician(page);
  const addressBefore = page.url();
  await page.getByLabel("Søk på navn eller siste siffer i fødselsnummer").fill("Astrid Fjell");
  await page.getByRole("button", { name: "Søk" }).click();
  await expect(page.getByRole("status").filter({ hasText: /treff på «Astrid Fjell»/ })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Astrid Fjellheim" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Bjørn Vassbotn" })).toHaveCount(0);
  expect(page.url()).toBe(addressBefore);
  await page.getByRole("button", { name: "Nullstill søk" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Bjørn Vassbotn" })).toBeVisible();
  await page.getByLabel("Søk på navn eller siste siffer i fødselsnummer").fill("Ingen Slik Pasient");
  await page.getByRole("button", { name: "Søk" }).click();
  await expect(page.getByText("Ingen av dine pasienter passer søket.")).toBeVisible();
});

test("a clinician codes M, CU, CP and E and sees the deadlines follow", async ({ page }) => {
  await logInAsClinician(page);
  await openPatient(page, "Kjetil Kodeflyt");
  expect((await wcagScan(page)).violations).toEqual([]);

  await registerSuggested(page, /^M Første frammøte/);
  await expect(page.getByRole("region", { name: "Frister" }).getByText("Basisutredning")).toBeVisible();

  await registerSuggested(page, /^CU Klinisk beslutning: utvidet utredning/);
  await expect(page.getByText("Fase").locator("..")).toContainText("Utvidet utredning");
  await expect(page.getByRole("region", { name: "Frister" }).getByText("Utvidet utredning")).toBeVisible();

  await registerSuggested(page, /^CP Klinisk beslutning: behandling innen psykisk helsevern/);
  await expect(page.getByRole("region", { name: "Frister" }).getByText("Første evaluering")).toBeVisible();

  await registerSuggested(page, /^E Evalueringspunkt/);
  await expect(page.getByRole("region", { name: "Frister" }).getByText("Evaluering", { exact: true })).toBeVisible();

  // Annul the evaluation: it stays in the history, struck through, with who and why.
  const evaluation = page.getByRole("listitem").filter({ hasText: "E Evalueringspunkt" });
  await evaluation.getByText("Annuller / korriger").click();
  await evaluation.getByLabel("Hvorfor annulleres koden?").fill("Registrert på feil pasient");
  await evaluation.getByRole("button", { name: "Annuller koden" }).click();
  await expect(evaluation.getByText(/Annullert .* av Bente Behandler: Registrert på feil pasient/)).toBeVisible();
});

test("C without M asks for a justification and shows the notice", async ({ page }) => {
  await logInAsClinician(page);
  await openPatient(page, "Liv Utenmøte");
  await page.getByText("Andre koder").click();
  await page.getByLabel("Hendelse", { exact: true }).selectOption("C");
  await page.getByLabel(/^P Behov for behandling innen psykisk helsevern/).check();
  await expect(page.getByText("Kode C (klinisk beslutning) mangler forutgående kode M (første frammøte)").first()).toBeVisible();
  await page.getByLabel("Begrunnelse (påkrevd)").fill("Første samtale ble dokumentert i annet system");
  await page.getByRole("button", { name: "Lagre kode" }).click();
  await expect(page.getByText(/^Koden er lagret\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "Oppmerksomheter" })).toContainText("mangler forutgående kode M");
  await expect(page.getByText("Begrunnelse: Første samtale ble dokumentert i annet system")).toBeVisible();
});

test("a pathway of another unit answers 404", async ({ browser, page }) => {
  const bup = await browser.newPage();
  await logIn(bup, "behandler.bup@forlopsvakt.test", "Mine pasienter");
  const api = await bup.request.get("/api/v1/pathways?limit=1");
  const bupPathway = (await api.json()).items[0].id as string;
  expect(bupPathway).toBeTruthy();
  await bup.close();

  await logInAsClinician(page);
  const response = await page.goto(`/forlop/${bupPathway}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Fant ikke siden" })).toBeVisible();
  const apiResponse = await page.request.get(`/api/v1/pathways/${bupPathway}`);
  expect(apiResponse.status()).toBe(404);
});

test("after a treatment decision the involvement activities are one click; an X without outcome is refused before saving", async ({ page }) => {
  await logInAsClinician(page);
  await openPatient(page, "Gro Myrvang");
  await registerSuggested(page, /^UBP Utført aktivitet: behandlingsplan utarbeidet sammen med pasienten/);
  await expect(page.getByRole("listitem").filter({ hasText: "UBP Utført aktivitet – Behandlingsplan utarbeidet sammen med pasienten" })).toBeVisible();

  const form = page.getByRole("region", { name: "Registrer kode" });
  await page.getByText("Andre koder").click();
  await page.getByLabel("Hendelse", { exact: true }).selectOption("X");
  await expect(form.getByText("Utfall for avslutning av pakkeforløp (lokal liste, ikke bekreftet)")).toBeVisible();
  await page.getByRole("button", { name: "Lagre kode" }).click();
  await expect(form.getByRole("alert")).toContainText("Velg et utfall før du lagrer.");
  await expect(page.getByRole("listitem").filter({ hasText: "Avslutning av pakkeforløp" })).toHaveCount(0);
});

test("a re-referred patient: earlier pathways and the next deadline at the top, a caution before a second A, and D11CP typed whole", async ({ page }) => {
  await logInAsClinician(page);
  await openPatient(page, "Rune Gjentatt");
  // the earlier pathway of the same unit, with how it ended (seed: closed about 340 days ago after C K)
  const earlier = page.getByRole("region", { name: "Tidligere forløp" });
  await expect(earlier.getByRole("listitem")).toHaveCount(1);
  await expect(earlier).toContainText("Pakkeforløp D11");
  await expect(earlier).toContainText(/Avsluttet \d\d\.\d\d\.\d{4} etter klinisk beslutning K/);
  await expect(page.getByText("Neste frist", { exact: true }).locator("..")).toContainText(/Basisutredning: 32 dager igjen \(frist \d\d\.\d\d\.\d{4}\)/);

  const form = page.getByRole("region", { name: "Registrer kode" });
  const typed = form.getByLabel("Skriv koden");
  await typed.fill("A");
  await expect(form.getByText(/^Forløpet har allerede start pakkeforløp \(A\) \d\d\.\d\d\.\d{4}\. En ny henvisning skal normalt ha et nytt forløp\.$/)).toBeVisible();
  // a caution, not a refusal: no justification is asked for
  await expect(form.getByLabel("Begrunnelse (påkrevd)")).toHaveCount(0);
  expect((await wcagScan(page)).violations).toEqual([]);

  await typed.fill("D12CP");
  await typed.blur();
  await expect(form.getByRole("alert")).toHaveText("Koden gjelder pakkeforløp D12, men forløpet er D11.");
  await typed.fill("D11CP");
  await expect(form.getByText("Klinisk beslutning på dag 10 av 42: innenfor anbefalt tid.")).toBeVisible();
  await form.getByRole("button", { name: "Lagre kode" }).click();
  await expect(page.getByText(/^Koden er lagret\./)).toBeVisible();
  await expect(page.getByText("Fase", { exact: true }).locator("..")).toContainText("Behandling");
  await expect(page.getByRole("listitem").filter({ hasText: "CP Klinisk beslutning" })).toBeVisible();
});
