import type { ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { expect, type Cookie, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { osloDateOf } from "../../src/lib/dates";

// Shared by the end-to-end specs.

/**
 * Today's date in Europe/Oslo, as the server computes it: the date the run
 * pinned at its start (FORLOPSVAKT_TODAY, see playwright.config.ts), so a run
 * across midnight keeps one "today" in the seed, the servers and the specs.
 */
export const osloToday = () => process.env.FORLOPSVAKT_TODAY || osloDateNow();

/**
 * The real clock's date in Europe/Oslo: the date of what it stamps (audit
 * rows, sessions), a day past osloToday() once a run has crossed midnight.
 */
export const osloDateNow = () => osloDateOf(new Date());

/**
 * axe's WCAG 2.1 A and AA rules on the page as it stands, once it has its
 * title: a page re-rendered after a server action was once scanned in the
 * moment its <title> was not in <head> (it was there again right after).
 */
export async function wcagScan(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  return new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
}

/**
 * Logs a demo user in through the login form (password demo1234); waits for
 * the page of `heading`, or for leaving the login page. For the specs about
 * the login itself and about sessions (logout, fixation, revocation); the
 * others use logIn.
 */
export async function logInWithForm(page: Page, email: string, heading?: string) {
  await page.goto("/login");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill("demo1234");
  await page.getByRole("button", { name: "Logg inn" }).click();
  if (heading) await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  else await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  sessions.set(email, (await page.context().cookies()).filter((c) => c.name.endsWith("authjs.session-token")));
}

// The session cookies of each user, made once per worker process by the login
// form (a login costs a bcrypt check, an audit row and a page or two; the
// suite logs in some 50 times). Every server of the suite (localhost, one
// database, one AUTH_SECRET) accepts them.
const sessions = new Map<string, Cookie[]>();

/**
 * Signs a demo user in: with the session cookie this worker made for the user
 * before (then opens the user's landing page "/"), or through the form the
 * first time. A cookie the server no longer accepts (the session was logged
 * out or revoked) ends on the login page: then through the form. Waits for
 * the page of `heading`, or for leaving the login page.
 */
export async function logIn(page: Page, email: string, heading?: string) {
  const cookies = sessions.get(email);
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/login")) {
      if (heading) await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      return;
    }
    sessions.delete(email);
  }
  await logInWithForm(page, email, heading);
}

/**
 * A port nobody listens on now, chosen by the OS. Fixed ports in the ephemeral
 * range (32768–60999) can be held by an outgoing connection at the moment a
 * test wants them.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}


/** Stops a server a spec started with `spawn(..., { detached: true })`, and its children. */
export function stopSpawned(child: ChildProcess | undefined) {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/**
 * Calls `send` for every item, `concurrency` calls at a time (npm run serve has
 * a process per core, and a request's round trip through Playwright costs
 * more than the server's work). Stops taking items after the first failure and
 * rejects with it.
 */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, send: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!failed && next < items.length) {
        const item = items[next++];
        try {
          await send(item);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
}
