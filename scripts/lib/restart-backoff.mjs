// How long the server's primary waits before it replaces a worker that died:
// a worker that crashes again and again right after starting (a bad release,
// a full disk, a database it cannot handle) must not be re-forked instantly
// forever, burning the CPU the other workers need. The wait doubles with
// each crash in a row (1 s, 2 s, 4 s … at most 30 s); a worker that lived
// long enough before it died starts the count again, so one crash in a
// healthy week is replaced after the first step.

const RESTART_DELAY_FIRST_MS = 1_000;
export const RESTART_DELAY_MAX_MS = 30_000;
/** A worker that ran this long before dying was healthy: the count starts again. */
export const HEALTHY_AFTER_MS = 60_000;

export function createRestartBackoff({ firstMs = RESTART_DELAY_FIRST_MS, maxMs = RESTART_DELAY_MAX_MS, healthyAfterMs = HEALTHY_AFTER_MS } = {}) {
  let crashesInARow = 0;
  return {
    /** The wait before replacing a worker that died after running `livedMs`. */
    delayAfterCrash(livedMs) {
      crashesInARow = livedMs >= healthyAfterMs ? 1 : crashesInARow + 1;
      return Math.min(maxMs, firstMs * 2 ** (crashesInARow - 1));
    },
  };
}
