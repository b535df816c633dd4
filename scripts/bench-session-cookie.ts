// `npm run bench:session-cookie`: what reading the session cookie costs a
// signed-in request. The proxy and the page or API handler each read it
// (src/server/auth/session-cookie.ts: Auth.js's own decode behind a cache of
// decrypted tokens). Measured: a known cookie (the cache's hit, every request
// after a session's first on a process) and a new one (Auth.js derives the key
// and decrypts). Time per read, one read at a time; no database.
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import { readSessionCookie } from "@/server/auth/session-cookie";
import { MAX_SESSION_SECONDS } from "@/server/auth/settings";

const READS = Number(process.argv.find((a) => a.startsWith("--reads="))?.split("=")[1] ?? 20000);
const NEW_COOKIES = 500;
const NAME = "authjs.session-token";
process.env.AUTH_SECRET = "bench-secret-not-for-production-0123456789";

const pick = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function cookie(): Promise<string> {
  const token = { sub: crypto.randomUUID(), sid: crypto.randomUUID(), loginAt: nowSeconds(), name: "Kari Nordmann", email: "kari@dps.test" };
  return encode({ token, secret: process.env.AUTH_SECRET!, salt: NAME, maxAge: MAX_SESSION_SECONDS });
}

async function timeReads(values: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const value of values) {
    const t = performance.now();
    const session = await readSessionCookie((n) => (n === NAME ? value : undefined), [NAME], nowSeconds());
    samples.push(performance.now() - t);
    if (!session) throw new Error("the cookie was not read");
  }
  return samples.sort((a, b) => a - b);
}

function report(label: string, samples: number[]) {
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  console.log(`${label.padEnd(34)} p50 ${pick(samples, 50).toFixed(4)}  p97.5 ${pick(samples, 97.5).toFixed(4)}  p99 ${pick(samples, 99).toFixed(4)}  mean ${mean.toFixed(4)} ms`);
}

const known = await cookie();
await timeReads(Array(2000).fill(known)); // warm-up: JIT, the first decode
const fresh = await Promise.all(Array.from({ length: NEW_COOKIES }, cookie));
console.log(`session cookie read, ${READS} reads of a known cookie, ${NEW_COOKIES} new cookies:`);
report("known cookie (cached)", await timeReads(Array(READS).fill(known)));
report("new cookie (Auth.js decode)", await timeReads(fresh));
