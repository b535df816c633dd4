import { expect, type Page } from "@playwright/test";

// Shared by the end-to-end specs.

/** Today's date in Europe/Oslo, as the server computes it. */
export const osloToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());

/** Logs a demo user in (password demo1234); waits for the page of `heading`, or for leaving the login page. */
export async function logIn(page: Page, email: string, heading?: string) {
  await page.goto("/login");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill("demo1234");
  await page.getByRole("button", { name: "Logg inn" }).click();
  if (heading) await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  else await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
