import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "./support";

// `npm start` without DATABASE_URL: the embedded database is started, migrated
// and seeded, the app serves, a demo user logs in, and Ctrl-C leaves no
// process behind.

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

test("npm start serves the app on the embedded database, and Ctrl-C stops everything", async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(join(tmpdir(), "forlopsvakt-embedded-"));
  const [appPort, dbPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, FORLOPSVAKT_DATA_DIR: dataDir, PORT: String(appPort), EMBEDDED_DB_PORT: String(dbPort) };
  delete env.DATABASE_URL;
  const child = spawn("node", ["scripts/start.mjs"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  try {
    // The announcement ends with the Ctrl-C hint; waiting for it (not for the
    // first line) avoids reading the output while it is still being written.
    const output = await waitForOutput(child, /Ctrl-C stopper alt/, 240_000);
    expect(output).toContain(`Klar på http://localhost:${appPort}`);
    expect(output).toContain("Innebygd database kjører");
    expect(output).toContain("koordinator@forlopsvakt.test");

    await page.goto(`http://localhost:${appPort}/login`);
    await page.getByLabel("E-post").fill("koordinator@forlopsvakt.test");
    await page.getByLabel("Passord").fill("demo1234");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Arbeidsliste" })).toBeVisible();
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    if (child.exitCode === null) process.kill(-child.pid!, "SIGINT");
    await exited;
  }
  await expect.poll(() => portOpen(dbPort), { timeout: 10_000 }).toBe(false);
  await expect.poll(() => portOpen(appPort), { timeout: 10_000 }).toBe(false);
  rmSync(dataDir, { recursive: true, force: true });
});
