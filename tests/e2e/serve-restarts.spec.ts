import { execFileSync, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort } from "./support";

// `npm run serve`'s primary replaces a worker that dies, but a worker that
// keeps crashing right after it starts must not be re-forked instantly
// forever: the wait grows (1 s, 2 s, 4 s …). Played by killing the worker as
// soon as it is ready, three times in a row.

function workerPids(primary: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(primary)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there is none
  }
}

async function until<T>(check: () => T | undefined, timeoutMs: number, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

test("a worker that keeps crashing is replaced after a growing wait, not at once", async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
    env: { ...process.env, WEB_CONCURRENCY: "1", NODE_ENV: "production", FORLOPSVAKT_NIGHTLY: "off", AUTH_TRUST_HOST: "true",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "test-secret-not-for-production-0123456789" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const readyCount = () => output.match(/Ready on/g)?.length ?? 0;
  try {
    const gaps: number[] = [];
    for (let crash = 1; crash <= 3; crash++) {
      // wait until the current worker is serving, then kill it
      await until(() => (readyCount() >= crash ? true : undefined), 90_000, 100);
      const [worker] = workerPids(server.pid!);
      expect(worker).toBeDefined();
      const killedAt = Date.now();
      process.kill(worker, "SIGKILL");
      const replacement = await until(() => workerPids(server.pid!).find((pid) => pid !== worker), 60_000);
      expect(replacement).toBeGreaterThan(0);
      gaps.push(Date.now() - killedAt);
    }
    // the primary said how long it would wait, and did wait at least that long
    // (lower bounds only: a busy machine makes waits longer, never shorter)
    expect(output).toMatch(/starter en ny om 1 s/);
    expect(output).toMatch(/starter en ny om 2 s/);
    expect(output).toMatch(/starter en ny om 4 s/);
    expect(gaps[0]).toBeGreaterThanOrEqual(800);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_800);
    expect(gaps[2]).toBeGreaterThanOrEqual(3_800);
    // and still serves after the crashes
    await until(() => (readyCount() >= 4 ? true : undefined), 90_000, 100);
    const health = await fetch(`http://localhost:${port}/login`);
    expect(health.status).toBe(200);
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // gone
    }
  }
});
