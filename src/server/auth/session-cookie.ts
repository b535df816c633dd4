import { decode, type JWT } from "next-auth/jwt";
import { z } from "@/lib/zod";
import { env } from "@/server/env";
import { cookieExpired } from "./session-rules";

// Reads Auth.js's session cookie without a round through Auth.js's request
// pipeline (which decrypted the token, encrypted a new one and built a
// response, twice per request: in the proxy and in auth()). Same cookie, same
// format, same secret; Auth.js still signs in and out. A valid cookie only
// names a session: whether it is still alive is the database's answer
// (src/server/auth/session-user.ts), asked on every request.

/** Auth.js's names: the __Secure- one is used over https (and only browsers on https can set it). */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type CookieReader = (name: string) => string | undefined;

function secret(): string | undefined {
  return env("AUTH_SECRET") ?? env("NEXTAUTH_SECRET");
}

/** Auth.js splits tokens over 4 kB into name.0, name.1, … */
const chunkIndex = (cookie: string, name: string) =>
  cookie.startsWith(`${name}.`) && /^\d+$/.test(cookie.slice(name.length + 1)) ? Number(cookie.slice(name.length + 1)) : null;

/** Whether a request carries any cookie of the session's family (whole, chunks), valid or not. */
export function hasSessionCookie(names: readonly string[]): boolean {
  return names.some((n) => SESSION_COOKIE_NAMES.some((s) => n === s || n.startsWith(`${s}.`)));
}

/** The cookie's value, joined from its chunks when it was split. */
function cookieValue(read: CookieReader, name: string, all: readonly string[]): string | undefined {
  const whole = read(name);
  if (whole) return whole;
  const chunks = all.filter((n) => chunkIndex(n, name) !== null).sort((a, b) => chunkIndex(a, name)! - chunkIndex(b, name)!);
  return chunks.length ? chunks.map((n) => read(n) ?? "").join("") : undefined;
}

// Decrypted tokens by their exact text: a browser sends the same cookie on
// every request, and Auth.js's decode derives the key from the secret (HKDF)
// and decrypts through the crypto thread pool each time, a few ms of each
// request. With this cache a known cookie costs a map lookup
// (scripts/bench-session-cookie.ts). Only successfully decrypted tokens are
// kept; expiry is checked on every read. Per process, bounded, oldest dropped
// first. This cache only saves the decryption: it never says whether the
// session is alive.
const MAX_DECODED = 2000;
const decoded = new Map<string, JWT>();

async function decodeOnce(value: string, key: string, name: string, nowSeconds: number): Promise<JWT | null> {
  const id = `${name}\u0000${key}\u0000${value}`;
  let token = decoded.get(id);
  if (!token) {
    const fresh = await decode({ token: value, secret: key, salt: name });
    if (!fresh) return null;
    token = fresh;
    if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
    decoded.set(id, token);
  }
  // the JWT's own expiry, with jose's clock tolerance (15 s)
  if (typeof token.exp === "number" && nowSeconds > token.exp + 15) return null;
  return token;
}

export interface SessionCookie {
  name: string;
  token: JWT;
  /** The id of the session's row (UserSession), set at sign-in. */
  sessionId: string;
  userId: string;
}

// The claims a session needs. Cookies issued before sessions had rows carry
// no session id: refused, so those users sign in once more.
const claims = z.object({ sub: z.string().min(1), sid: z.uuid(), loginAt: z.number() });

/** The session a decrypted token names, or null (no session id: issued before sessions had rows). */
export function sessionOfToken(token: JWT): { sessionId: string; userId: string } | null {
  const parsed = claims.safeParse(token);
  return parsed.success ? { sessionId: parsed.data.sid, userId: parsed.data.sub } : null;
}

/**
 * The session a request's cookie names, or null: a missing, tampered,
 * expired or too old token, or one without a session id, is no session.
 * `names` lists the request's cookies.
 */
export async function readSessionCookie(read: CookieReader, names: readonly string[], nowSeconds: number): Promise<SessionCookie | null> {
  const key = secret();
  if (!key) return null;
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookieValue(read, name, names);
    if (!value) continue;
    try {
      const token = await decodeOnce(value, key, name, nowSeconds);
      if (!token || cookieExpired(token, nowSeconds)) continue;
      const session = sessionOfToken(token);
      if (session) return { name, token, ...session };
    } catch {
      // not ours, tampered or expired: no session
    }
  }
  return null;
}
