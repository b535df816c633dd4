import { expect, test } from "@playwright/test";
import { logIn, wcagScan } from "./support";

// Issue 18, administration: an administrator creates a clinician for BUP with
// a password shown once; the clinician signs in and is offered BUP only; the
// administrator deactivates the clinician, whose very next click (a live
// session cookie in hand) lands on the login page. The admin pages are axe-clean.


test("an administrator creates a BUP clinician, who sees BUP only, and deactivation ends the clinician's session at the next click", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const name = `Berit Bupsen ${stamp}`;
  const email = `berit.${stamp}@forlopsvakt.test`;

  await logIn(page, "admin@forlopsvakt.test");
  // /admin opens on Brukere, with the administration's own menu
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 2, name: "Brukere" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Administrasjon" }).getByRole("link", { name: "Brukere" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Navn", { exact: true }).fill(name);
  await page.getByLabel("E-post", { exact: true }).fill(email);
  await page.getByLabel("Rolle", { exact: true }).selectOption("CLINICIAN");
  await page.getByRole("checkbox", { name: "BUP Fjordby, poliklinikk" }).check();
  await page.getByRole("button", { name: "Opprett bruker" }).click();
  await expect(page.getByRole("status")).toContainText("det vises bare nå");
  const password = (await page.getByTestId("one-time-password").textContent())!.trim();
  expect(password).toMatch(/^\S{19}$/);
  expect((await wcagScan(page)).violations).toEqual([]);

  // the clinician signs in in a browser of their own
  const clinician = await (await browser.newContext()).newPage();
  await clinician.goto("/login");
  await clinician.getByLabel("E-post").fill(email);
  await clinician.getByLabel("Passord").fill(password);
  await clinician.getByRole("button", { name: "Logg inn" }).click();
  await expect(clinician.getByRole("heading", { level: 1, name: "Mine pasienter" })).toBeVisible();
  await clinician.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Nytt forløp" }).click();
  const units = clinician.getByLabel("Enhet", { exact: true });
  await expect(units).toBeVisible();
  await expect(units.locator("option")).toHaveText(["BUP Fjordby, poliklinikk"]);

  // the administrator finds the clinician and deactivates them
  await page.getByRole("link", { name: "Åpne den nye brukeren" }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  expect((await wcagScan(page)).violations).toEqual([]);

  // the HPR number, which HelseID logins match on: digits only, refused otherwise, shown once saved
  const hprField = page.getByLabel("HPR-nummer (valgfritt)");
  await hprField.fill("12a45");
  await page.getByRole("button", { name: "Lagre HPR-nummer" }).click();
  await expect(page.getByText("HPR-nummeret må være 4–9 sifre.")).toBeVisible();
  await expect(hprField).toHaveAttribute("aria-describedby", /user-hpr-error/);
  const hpr = String(1_000_000 + (parseInt(stamp.slice(-5), 36) % 8_000_000));
  await hprField.fill(hpr);
  await page.getByRole("button", { name: "Lagre HPR-nummer" }).click();
  await expect(page.getByRole("form", { name: "HPR-nummer (HelseID)" }).getByRole("status")).toHaveText("Endringen er lagret. Den gjelder fra brukerens neste klikk.");
  // stored: still there when the page is opened again
  await page.reload();
  await expect(page.locator("dd", { hasText: hpr })).toBeVisible();
  await expect(hprField).toHaveValue(hpr);
  await page.getByRole("button", { name: "Deaktiver bruker" }).click();
  await expect(page.getByRole("status")).toHaveText("Brukeren er deaktivert og logget ut.");
  await expect(page.getByRole("button", { name: "Aktiver bruker" })).toBeVisible();

  // the clinician's next click, with the cookie still in the browser
  await clinician.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Mine pasienter" }).click();
  await expect(clinician).toHaveURL(/\/login/);
  await clinician.context().close();

  await page.getByRole("navigation", { name: "Administrasjon" }).getByRole("link", { name: "Enheter" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Enheter" })).toBeVisible();
  await expect(page.getByRole("row", { name: /BUP Fjordby, poliklinikk BUP-FJ BUP/ })).toBeVisible();
  expect((await wcagScan(page)).violations).toEqual([]);
});
