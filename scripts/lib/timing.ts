// Shared by the service-level benchmarks: p50/p95 of repeated calls after a warm-up.
import { performance } from "node:perf_hooks";

export const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 30);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function time(label: string, fn: () => Promise<unknown>, runs = RUNS) {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(48)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms`);
}
