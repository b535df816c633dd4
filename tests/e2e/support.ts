import type { ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
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
