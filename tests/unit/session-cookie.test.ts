import { beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { readSessionCookie, renewedSessionCookie } from "@/auth/session-cookie";
import { needsRenewal, sessionExpired } from "@/auth/session-rules";
import { IDLE_TIMEOUT_SECONDS, MAX_SESSION_SECONDS } from "@/auth/settings";

// The proxy and every server request read the session cookie themselves; these
// are the rules that decide who is signed in. The clock is a parameter.
const SECRET = "test-secret-not-for-production-0123456789";
const NAME = "authjs.session-token";
const LOGIN = 1_790_000_000; // a fixed "now" for the sign-in

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});

/** A cookie as Auth.js issues it at sign-in, `ago` seconds of activity after login. */
async function issued(lastActivity = LOGIN, options: { secret?: string; name?: string } = {}) {
  const name = options.name ?? NAME;
  const value = await encode({
    token: { sub: "user-1", email: "kari@dps.no", name: "Kari", loginAt: LOGIN, lastActivity },
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
  it("a cookie issued by Auth.js is a session", async () => {
    const session = await readSessionCookie(...jar(await issued()), LOGIN + 5);
    expect(session?.token.sub).toBe("user-1");
  });

  it(`the idle timeout: ${IDLE_TIMEOUT_SECONDS} s after the last activity still in, one second later out`, async () => {
    const cookie = await issued();
    expect(await readSessionCookie(...jar(cookie), LOGIN + IDLE_TIMEOUT_SECONDS)).not.toBeNull();
    expect(await readSessionCookie(...jar(cookie), LOGIN + IDLE_TIMEOUT_SECONDS + 1)).toBeNull();
  });

  it(`the absolute limit: ${MAX_SESSION_SECONDS / 3600} hours after sign-in, however active`, async () => {
    const active = await issued(LOGIN + MAX_SESSION_SECONDS);
    expect(await readSessionCookie(...jar(active), LOGIN + MAX_SESSION_SECONDS)).not.toBeNull();
    expect(await readSessionCookie(...jar(active), LOGIN + MAX_SESSION_SECONDS + 1)).toBeNull();
    expect(sessionExpired({ loginAt: LOGIN, lastActivity: LOGIN + MAX_SESSION_SECONDS }, LOGIN + MAX_SESSION_SECONDS + 1)).toBe(true);
  });

  it("a token made with another secret, a tampered token and garbage are no session", async () => {
    const foreign = await issued(LOGIN, { secret: "someone-elses-secret-0123456789abcdef" });
    const good = await issued();
    const tampered = { name: NAME, value: good.value.slice(0, -4) + (good.value.endsWith("AAAA") ? "BBBB" : "AAAA") };
    for (const cookie of [foreign, tampered, { name: NAME, value: "not-a-token" }]) {
      expect(await readSessionCookie(...jar(cookie), LOGIN + 5)).toBeNull();
    }
  });

  it("a token moved to the other cookie name is no session (the name is the key's salt)", async () => {
    const secure = await issued(LOGIN, { name: "__Secure-authjs.session-token" });
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
    const value = await encode({ token: { sub: "user-2", loginAt: now, lastActivity: now }, secret: SECRET, salt: NAME, maxAge: 60 });
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

describe("renewing the cookie", () => {
  it("happens once a minute, not on every request", () => {
    expect(needsRenewal({ lastActivity: LOGIN }, LOGIN + 59)).toBe(false);
    expect(needsRenewal({ lastActivity: LOGIN }, LOGIN + 60)).toBe(true);
  });

  it("counts the request as activity and keeps the sign-in time, so the idle clock restarts but the absolute one does not", async () => {
    const session = (await readSessionCookie(...jar(await issued()), LOGIN + 600))!;
    const renewed = await renewedSessionCookie(session, LOGIN + 600);
    expect(renewed.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
    expect(renewed.options.expires.getTime()).toBe((LOGIN + 600 + IDLE_TIMEOUT_SECONDS) * 1000);
    const later = LOGIN + 600 + IDLE_TIMEOUT_SECONDS;
    const again = await readSessionCookie(...jar({ name: renewed.name, value: renewed.value }), later);
    expect(again?.token).toMatchObject({ sub: "user-1", loginAt: LOGIN, lastActivity: LOGIN + 600 });
  });
});
