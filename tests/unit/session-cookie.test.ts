import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { NextRequest, type NextResponse } from "next/server";
import { readSessionCookie } from "@/server/auth/session-cookie";
import { cookieExpired } from "@/server/auth/session-rules";
import { IDLE_TIMEOUT_SECONDS, MAX_SESSION_SECONDS } from "@/server/auth/settings";
import { proxy } from "../../proxy";

// The proxy and every server request read the session cookie themselves; these
// are the rules that decide which session a cookie names. Whether that session
// is still alive (logout, idle timeout) is the database's answer:
// tests/integration/session.integration.test.ts. The clock is a parameter.
const SECRET = "test-secret-not-for-production-0123456789";
const NAME = "authjs.session-token";
const LOGIN = 1_790_000_000; // a fixed "now" for the sign-in
const SESSION_ID = "0b6f4a52-3c1d-4e8f-9a7b-2d5c6e7f8a90";

const secretBefore = process.env.AUTH_SECRET;
beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});
afterAll(() => {
  if (secretBefore === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = secretBefore;
});

/** A cookie as Auth.js issues it at sign-in (the jwt callback of src/server/auth/nextauth.ts). */
async function issued(options: { secret?: string; name?: string; claims?: Record<string, unknown> } = {}) {
  const name = options.name ?? NAME;
  const value = await encode({
    token: options.claims ?? { sub: "user-1", email: "kari@dps.no", name: "Kari", sid: SESSION_ID, loginAt: LOGIN },
    secret: options.secret ?? SECRET,
    salt: name,
    maxAge: 365 * 24 * 3600, // the JWT's own expiry is not what is tested here
  });
  return { name, value };
}

function jar(...cookies: { name: string; value: string }[]) {
  const map = new Map(cookies.map((c) => [c.name, c.value]));
  return [(name: string) => map.get(name), [...map.keys()]] as const;
}

describe("who is signed in", () => {
  it("a cookie issued by Auth.js names its session and user", async () => {
    const session = await readSessionCookie(...jar(await issued()), LOGIN + 5);
    expect(session).toMatchObject({ sessionId: SESSION_ID, userId: "user-1" });
  });

  it("a cookie issued before sessions had rows (no session id) is no session: its user signs in once more", async () => {
    const old = await issued({ claims: { sub: "user-1", email: "kari@dps.no", name: "Kari", loginAt: LOGIN, lastActivity: LOGIN } });
    expect(await readSessionCookie(...jar(old), LOGIN + 5)).toBeNull();
    const odd = await issued({ claims: { sub: "user-1", sid: "1 OR 1=1", loginAt: LOGIN } });
    expect(await readSessionCookie(...jar(odd), LOGIN + 5)).toBeNull();
  });

  it(`the cookie does not decide the idle timeout (${IDLE_TIMEOUT_SECONDS} s): the session's row does, counted from the last request`, async () => {
    expect(await readSessionCookie(...jar(await issued()), LOGIN + IDLE_TIMEOUT_SECONDS + 1)).not.toBeNull();
  });

  it(`the absolute limit: ${MAX_SESSION_SECONDS / 3600} hours after sign-in, however active`, async () => {
    const cookie = await issued();
    expect(await readSessionCookie(...jar(cookie), LOGIN + MAX_SESSION_SECONDS)).not.toBeNull();
    expect(await readSessionCookie(...jar(cookie), LOGIN + MAX_SESSION_SECONDS + 1)).toBeNull();
    expect(cookieExpired({ loginAt: LOGIN }, LOGIN + MAX_SESSION_SECONDS + 1)).toBe(true);
  });

  it("a token made with another secret, a tampered token and garbage are no session", async () => {
    const foreign = await issued({ secret: "someone-elses-secret-0123456789abcdef" });
    const good = await issued();
    const tampered = { name: NAME, value: good.value.slice(0, -4) + (good.value.endsWith("AAAA") ? "BBBB" : "AAAA") };
    for (const cookie of [foreign, tampered, { name: NAME, value: "not-a-token" }]) {
      expect(await readSessionCookie(...jar(cookie), LOGIN + 5)).toBeNull();
    }
  });

  it("a token moved to the other cookie name is no session (the name is the key's salt)", async () => {
    const secure = await issued({ name: "__Secure-authjs.session-token" });
    expect(await readSessionCookie(...jar(secure), LOGIN + 5)).not.toBeNull();
    expect(await readSessionCookie(...jar({ name: NAME, value: secure.value }), LOGIN + 5)).toBeNull();
  });

  it("reads a token split into chunks as Auth.js writes long ones", async () => {
    const { value } = await issued();
    const half = Math.floor(value.length / 2);
    const session = await readSessionCookie(...jar({ name: `${NAME}.1`, value: value.slice(half) }, { name: `${NAME}.0`, value: value.slice(0, half) }), LOGIN + 5);
    expect(session?.token.sub).toBe("user-1");
  });

  it("the token's own expiry holds also when it is read again (decrypted tokens are kept)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const value = await encode({ token: { sub: "user-2", sid: SESSION_ID, loginAt: now }, secret: SECRET, salt: NAME, maxAge: 60 });
    const exp = (await readSessionCookie(...jar({ name: NAME, value }), now))!.token.exp!;
    // jose's clock tolerance is 15 s
    expect(await readSessionCookie(...jar({ name: NAME, value }), exp + 15)).not.toBeNull();
    expect(await readSessionCookie(...jar({ name: NAME, value }), exp + 16)).toBeNull();
  });

  it("without a secret nobody is signed in", async () => {
    const cookie = await issued();
    delete process.env.AUTH_SECRET;
    try {
      expect(await readSessionCookie(...jar(cookie), LOGIN + 5)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = SECRET;
    }
  });
});

describe("the proxy", () => {
  const request = (path: string, cookie?: { name: string; value: string }) =>
    new NextRequest(new URL(path, "http://localhost:3000"), { headers: cookie ? { cookie: `${cookie.name}=${cookie.value}` } : {} });

  it("never renews the session cookie: a cookie that was revoked must not come back fresher", async () => {
    const now = Math.floor(Date.now() / 1000);
    // (a minute and more since the last renewal would have renewed it before)
    const cookie = await issued({ claims: { sub: "user-1", sid: SESSION_ID, loginAt: now - 3600, lastActivity: now - 120 } });
    for (const path of ["/arbeidsliste", "/api/v1/worklist"]) {
      const response = (await proxy(request(path, cookie))) as NextResponse;
      expect(response.headers.get("location")).toBeNull();
      expect(response.cookies.getAll()).toEqual([]);
    }
  });

  it("sends a page with a cookie from before session rows to /login and deletes that cookie", async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = await issued({ claims: { sub: "user-1", loginAt: now - 60, lastActivity: now - 60 } });
    const response = (await proxy(request("/arbeidsliste", old))) as NextResponse;
    expect(new URL(response.headers.get("location")!).pathname).toBe("/login");
    expect(response.cookies.get(NAME)?.value).toBe("");
  });
});
