import { describe, expect, it } from "vitest";
import { createRestartBackoff, HEALTHY_AFTER_MS, RESTART_DELAY_MAX_MS } from "../../scripts/lib/restart-backoff.mjs";

// The server's primary replaces a dead worker after this wait: doubling while
// workers keep dying soon after starting, never above the cap, and back to
// the first step once a worker has lived long enough.
describe("restart backoff", () => {
  it("doubles with each quick crash in a row: 1, 2, 4, 8, 16 s, then stays at 30 s", () => {
    const backoff = createRestartBackoff();
    const delays = Array.from({ length: 8 }, () => backoff.delayAfterCrash(2_000));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(Math.max(...delays)).toBe(RESTART_DELAY_MAX_MS);
  });

  it("starts again at the first step when the worker that died had lived a while", () => {
    const backoff = createRestartBackoff();
    for (let i = 0; i < 5; i++) backoff.delayAfterCrash(500);
    expect(backoff.delayAfterCrash(HEALTHY_AFTER_MS)).toBe(1_000);
    expect(backoff.delayAfterCrash(HEALTHY_AFTER_MS - 1)).toBe(2_000);
  });
});
