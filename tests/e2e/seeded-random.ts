// A small seeded generator (mulberry32): the hostile-input sweeps draw the
// same payloads on every run, so a failure can be replayed.

/** Numbers in [0, 1) from `seed`, the same sequence each time. */
export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
