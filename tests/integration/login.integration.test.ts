import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import bcrypt from "bcryptjs";
import { NextRequest } from "next/server";
import { verifyLogin } from "@/server/auth/login";
import { singleSignOn } from "@/server/auth/single-sign-on";
import type { SsoSettings } from "@/server/auth/sso-settings";
import { LOGIN_RATE_LIMIT } from "@/server/auth/settings";
import { CLIENT_IP_FROM_SERVER_ENV, CLIENT_IP_HEADER } from "@/lib/client-address.mjs";
import { createPrismaClient } from "@/server/db";
import type { PrismaClient } from "@/generated/prisma/client";
import { useAppDatabase } from "./support/app-db";

// Logins against a real PostgreSQL: the password check, its audit rows, and the
// login limits (atomic under parallel attempts, never a lockout of the right
// password from a new address, nor of a clinic's users behind one address).
// The clock is pinned: the limits count in windows of time.

const { db } = useAppDatabase();
// The embedded database (PGlite) serves every pooled connection from one
// session and mixes up statements sent at once: the parallel tests need PostgreSQL.
const embedded = process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1";
const meta = (ip: string) => ({ ip, userAgent: "vitest" });
const auditCount = (action: "LOGIN_FAILED" | "LOGIN_RATE_LIMITED" | "LOGIN_SUCCEEDED", email: string) =>
  db().auditEvent.count({ where: { action, detail: { path: ["email"], equals: email } } });

let clock = new Date("2026-11-30T08:00:00Z").getTime();
/** Pins the clock at a new time for each test (an hour apart), so their windows do not meet. */
function pinClock(): number {
  clock += 3_600_000;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
  return clock;
}
const advance = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

async function makeUser(email: string, active = true) {
  const passwordHash = await bcrypt.hash("riktig-passord", 4);
  return db().user.create({ data: { email, name: `Test ${email}`, passwordHash, role: "CLINICIAN", active } });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("login", () => {
  beforeAll(async () => {
    await makeUser("kari@test.invalid");
    await makeUser("slutta@test.invalid", false);
  });

  it("accepts the right password (e-mail case-insensitive) and audits the login", async () => {
    pinClock();
    const result = await verifyLogin({ email: "Kari@Test.invalid", password: "riktig-passord", ...meta("10.1.0.1") });
    expect(result).toMatchObject({ ok: true, user: { email: "kari@test.invalid" } });
    const audit = await db().auditEvent.findFirst({ where: { action: "LOGIN_SUCCEEDED" }, orderBy: { at: "desc" } });
    expect(audit).toMatchObject({ ip: "10.1.0.1" });
  });

  it("refuses a wrong password, an unknown e-mail and a deactivated user alike", async () => {
    pinClock();
    for (const [email, password] of [
      ["kari@test.invalid", "feil"],
      ["finnes.ikke@test.invalid", "riktig-passord"],
      ["slutta@test.invalid", "riktig-passord"],
    ]) {
      expect(await verifyLogin({ email, password, ...meta("10.1.0.2") })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await db().auditEvent.count({ where: { action: "LOGIN_FAILED" } })).toBeGreaterThanOrEqual(3);
  });

  it("never lets a password into an account for single sign-on only (no hash), whatever the password check says", async () => {
    pinClock();
    await db().user.create({ data: { email: "bare.sso@test.invalid", name: "Bare SSO", passwordHash: null, role: "CLINICIAN" } });
    // as if the password matched the hash an unknown or hashless account is compared with
    vi.spyOn(bcrypt, "compare").mockImplementation(async () => true);
    expect(await verifyLogin({ email: "bare.sso@test.invalid", password: "hva-som-helst", ...meta("10.1.0.3") })).toEqual({ ok: false, reason: "invalid" });
    expect(await auditCount("LOGIN_FAILED", "bare.sso@test.invalid")).toBe(1);
  });
});

describe("single sign-on", () => {
  const ISSUER = "https://idp.test.invalid";
  const settings = (over: Partial<SsoSettings> = {}): SsoSettings => ({
    issuer: ISSUER, clientId: "forlopsvakt", name: "Test", profile: "email", clientAuth: { method: "client_secret_basic", secret: "s" },
    par: false, dpop: false, scopes: "openid profile email", minSecurityLevel: null, trustUnverifiedEmail: false, ...over,
  });
  const at = new Date("2026-11-30T08:00:00Z");
  const sso = (subject: string, email: string) => singleSignOn(settings(), { subject, claims: { email, email_verified: true } }, meta("10.9.0.1"), at);

  it("matches by e-mail (any case) the first time and links the sub; later by the sub alone, even with a changed e-mail; audited with method oidc", async () => {
    const user = await makeUser("sso.kari@test.invalid");
    expect(await sso("sub-kari", "SSO.Kari@Test.invalid")).toEqual({ ok: true, userId: user.id });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ oidcIssuer: ISSUER, oidcSubject: "sub-kari", lastLoginAt: new Date("2026-11-30T08:00:00Z") });
    expect(await sso("sub-kari", "kari.ny@test.invalid")).toEqual({ ok: true, userId: user.id });
    // another identity at the provider that now carries her e-mail does not get in
    expect(await sso("sub-annen", "sso.kari@test.invalid")).toEqual({ ok: false, reason: "linked_elsewhere" });
    const audits = await db().auditEvent.findMany({ where: { userId: user.id, action: { in: ["LOGIN_SUCCEEDED", "LOGIN_FAILED"] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.detail, a.ip])).toEqual([
      ["LOGIN_SUCCEEDED", { method: "oidc" }, "10.9.0.1"],
      ["LOGIN_SUCCEEDED", { method: "oidc" }, "10.9.0.1"],
      ["LOGIN_FAILED", { method: "oidc", email: "sso.kari@test.invalid", reason: "linked_elsewhere" }, "10.9.0.1"],
    ]);
  });

  it("refuses an unknown e-mail and a deactivated user, links nothing, and audits the refusal", async () => {
    const gone = await makeUser("sso.slutta@test.invalid", false);
    expect(await sso("sub-ukjent", "ukjent.sso@test.invalid")).toEqual({ ok: false, reason: "unknown" });
    expect(await sso("sub-slutta", "sso.slutta@test.invalid")).toEqual({ ok: false, reason: "inactive" });
    expect(await db().user.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ oidcSubject: null, lastLoginAt: null });
    const refused = await db().auditEvent.findMany({ where: { action: "LOGIN_FAILED", detail: { path: ["method"], equals: "oidc" }, ip: "10.9.0.1" }, orderBy: { id: "asc" } });
    expect(refused.slice(-2).map((a) => [a.userId, a.detail])).toEqual([
      [null, { method: "oidc", email: "ukjent.sso@test.invalid", reason: "unknown" }],
      [gone.id, { method: "oidc", email: "sso.slutta@test.invalid", reason: "inactive" }],
    ]);
  });

  // issue 18's open question: the old code took an e-mail without email_verified as verified
  it("refuses an e-mail the provider does not say is verified, unless the operator trusts its addresses (AUTH_OIDC_TRUST_UNVERIFIED_EMAIL)", async () => {
    const user = await makeUser("entra.eva@test.invalid");
    const claims = { email: "entra.eva@test.invalid" }; // Entra ID: no email_verified
    expect(await singleSignOn(settings(), { subject: "sub-eva", claims }, meta("10.9.0.2"), at)).toEqual({ ok: false, reason: "unverified_email" });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ oidcSubject: null });
    const refused = await db().auditEvent.findFirstOrThrow({ where: { action: "LOGIN_FAILED", ip: "10.9.0.2" } });
    expect(refused).toMatchObject({ userId: null, detail: { method: "oidc", email: "entra.eva@test.invalid", reason: "unverified_email" } });
    // email_verified: false is never trusted
    const trusting = settings({ trustUnverifiedEmail: true });
    expect(await singleSignOn(trusting, { subject: "sub-eva", claims: { ...claims, email_verified: false } }, meta("10.9.0.2"), at)).toEqual({ ok: false, reason: "unverified_email" });
    expect(await singleSignOn(trusting, { subject: "sub-eva", claims }, meta("10.9.0.2"), at)).toEqual({ ok: true, userId: user.id });
  });
});

describe("single sign-on with HelseID", () => {
  const ISSUER = "https://helseid-sts.test.nhn.no";
  const HPR = "helseid://claims/hpr/hpr_number";
  const LEVEL = "helseid://claims/identity/security_level";
  const helseId: SsoSettings = {
    issuer: ISSUER, clientId: "forlopsvakt", name: "HelseID", profile: "helseid", clientAuth: { method: "private_key_jwt", jwk: { kty: "EC", crv: "P-256", d: "x", alg: "ES256" } },
    par: true, dpop: true, scopes: "openid", minSecurityLevel: 4, trustUnverifiedEmail: false,
  };
  const at = new Date("2026-11-30T09:00:00Z");
  const login = (subject: string, claims: Record<string, unknown>) => singleSignOn(helseId, { subject, claims }, meta("10.9.1.1"), at);
  const refusals = () => db().auditEvent.findMany({ where: { action: "LOGIN_FAILED", ip: "10.9.1.1" }, orderBy: { id: "asc" }, select: { userId: true, detail: true } });

  it("matches by HPR number the first time and links the sub; refuses a too low security level even when linked; audited without the national id", async () => {
    const user = await makeUser("hpr.hanne@test.invalid");
    await db().user.update({ where: { id: user.id }, data: { hprNumber: "9144900" } });
    const pid = { "helseid://claims/identity/pid": "13116900216" };
    expect(await login("hid-hanne", { ...pid, [HPR]: "9144900", [LEVEL]: "4" })).toEqual({ ok: true, userId: user.id });
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ oidcIssuer: ISSUER, oidcSubject: "hid-hanne", lastLoginAt: at });
    // later by the sub alone (an HPR claim missing changes nothing)
    expect(await login("hid-hanne", { ...pid, [LEVEL]: 4 })).toEqual({ ok: true, userId: user.id });
    expect(await login("hid-hanne", { ...pid, [HPR]: "9144900", [LEVEL]: "3" })).toEqual({ ok: false, reason: "security_level" });
    expect(await login("hid-hanne", { ...pid, [HPR]: "9144900" })).toEqual({ ok: false, reason: "security_level" });
    expect(await refusals()).toEqual([
      { userId: user.id, detail: { method: "oidc", hprNumber: "9144900", securityLevel: 3, reason: "security_level" } },
      { userId: user.id, detail: { method: "oidc", hprNumber: "9144900", securityLevel: null, reason: "security_level" } },
    ]);
    expect(JSON.stringify(await db().auditEvent.findMany({ where: { ip: "10.9.1.1" }, select: { detail: true } }))).not.toContain("13116900216");
  });

  it("refuses an unknown HPR number, a login without one and a deactivated user; links nothing", async () => {
    const gone = await makeUser("hpr.gone@test.invalid", false);
    await db().user.update({ where: { id: gone.id }, data: { hprNumber: "1234567" } });
    const before = (await refusals()).length;
    expect(await login("hid-x", { [HPR]: "7654321", [LEVEL]: "4" })).toEqual({ ok: false, reason: "unknown_hpr" });
    expect(await login("hid-y", { [LEVEL]: "4" })).toEqual({ ok: false, reason: "no_hpr" });
    expect(await login("hid-z", { [HPR]: "1234567", [LEVEL]: "4" })).toEqual({ ok: false, reason: "inactive" });
    expect(await db().user.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ oidcSubject: null });
    expect((await refusals()).slice(before)).toEqual([
      { userId: null, detail: { method: "oidc", hprNumber: "7654321", securityLevel: 4, reason: "unknown_hpr" } },
      { userId: null, detail: { method: "oidc", hprNumber: null, securityLevel: 4, reason: "no_hpr" } },
      { userId: gone.id, detail: { method: "oidc", hprNumber: "1234567", securityLevel: 4, reason: "inactive" } },
    ]);
  });
});

describe("login limits", () => {
  it.skipIf(embedded)("50 parallel wrong passwords for one e-mail from one address: no more than the limit are checked, the rest audited as refused", async () => {
    pinClock();
    const email = "parallell@test.invalid";
    await makeUser(email);
    const compare = vi.spyOn(bcrypt, "compare");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => verifyLogin({ email, password: `feil-${i}`, ...meta("10.4.0.1") })),
    );
    const checked = await auditCount("LOGIN_FAILED", email);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(LOGIN_RATE_LIMIT.maxAttemptsPerEmailAndIp);
    // a refused attempt checks no password
    expect(compare).toHaveBeenCalledTimes(checked);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(checked);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(50 - checked);
    expect(await auditCount("LOGIN_RATE_LIMITED", email)).toBe(50 - checked);
    const refused = await db().auditEvent.findFirst({ where: { action: "LOGIN_RATE_LIMITED", detail: { path: ["email"], equals: email } } });
    expect(refused).toMatchObject({ ip: "10.4.0.1", userId: expect.any(String), detail: { email, limit: expect.any(String), retryAfterSeconds: expect.any(Number) } });
  });

  it("an attacker's failures from many addresses never lock the right password out from a new address", async () => {
    pinClock();
    const email = "angrepet@test.invalid";
    await makeUser(email);
    for (let i = 0; i < 40; i++) {
      await verifyLogin({ email, password: `gjett-${i}`, ...meta(`198.51.100.${i}`) });
    }
    expect(await verifyLogin({ email, password: "riktig-passord", ...meta("10.5.0.7") })).toMatchObject({ ok: true });
  });

  it("after the free attempts an address waits between attempts for that e-mail: growing, capped, and told how long", async () => {
    const start = pinClock();
    const email = "treg@test.invalid";
    await makeUser(email);
    const attempt = (ip = "10.6.0.1") => verifyLogin({ email, password: "feil", ...meta(ip) });
    for (let i = 0; i < LOGIN_RATE_LIMIT.freeAttemptsPerEmail; i++) expect(await attempt()).toEqual({ ok: false, reason: "invalid" });
    // the first attempt past the free ones is checked, and sets the first wait
    expect(await attempt()).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt()).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: LOGIN_RATE_LIMIT.baseDelaySeconds });
    advance(LOGIN_RATE_LIMIT.baseDelaySeconds);
    expect(await attempt()).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt()).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 2 * LOGIN_RATE_LIMIT.baseDelaySeconds });

    // many more failures from elsewhere: the wait is capped
    for (let i = 0; i < 20; i++) await attempt(`203.0.113.${i}`);
    advance(2 * LOGIN_RATE_LIMIT.baseDelaySeconds);
    expect(await attempt()).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt()).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: LOGIN_RATE_LIMIT.maxDelaySeconds });
    advance(LOGIN_RATE_LIMIT.maxDelaySeconds);
    expect(await verifyLogin({ email, password: "riktig-passord", ...meta("10.6.0.1") })).toMatchObject({ ok: true });
    expect(Date.now() - start).toBeLessThan(LOGIN_RATE_LIMIT.windowSeconds * 1000);
  });

  it("one address: at most the limit of checks per e-mail in a window, then refused until the window ends", async () => {
    pinClock();
    const email = "par@test.invalid";
    await makeUser(email);
    const attempt = (password = "feil", ip = "10.7.0.1") => verifyLogin({ email, password, ...meta(ip) });
    let checked = 0;
    for (let i = 0; i < 40 && checked < LOGIN_RATE_LIMIT.maxAttemptsPerEmailAndIp; i++) {
      const result = await attempt();
      if (result.ok) throw new Error("a wrong password was accepted");
      // the per-e-mail delay is waited out, as a patient attacker would
      if (result.reason === "rate_limited") advance(result.retryAfterSeconds);
      else checked++;
    }
    expect(checked).toBe(LOGIN_RATE_LIMIT.maxAttemptsPerEmailAndIp);
    const refused = await attempt("riktig-passord");
    if (refused.ok || refused.reason !== "rate_limited") throw new Error(`not refused: ${JSON.stringify(refused)}`);
    expect(refused.retryAfterSeconds).toBeGreaterThan(LOGIN_RATE_LIMIT.maxDelaySeconds);
    // ... while the right password from another address passes at once
    expect(await attempt("riktig-passord", "10.7.0.2")).toMatchObject({ ok: true });
    advance(refused.retryAfterSeconds);
    expect(await attempt("riktig-passord")).toMatchObject({ ok: true });
  });

  it("many failures from one address (a clinic's NAT): its users who logged in there before still get in; unknown e-mails wait", async () => {
    pinClock();
    const nat = "10.8.0.1";
    await makeUser("kollega@test.invalid");
    await makeUser("ny.ansatt@test.invalid");
    expect(await verifyLogin({ email: "kollega@test.invalid", password: "riktig-passord", ...meta(nat) })).toMatchObject({ ok: true });
    advance(60);
    // password spraying from behind the NAT: one guess for each of 40 e-mails
    const sprayed = [];
    for (let i = 0; i < 40; i++) sprayed.push(await verifyLogin({ email: `bruker${i}@test.invalid`, password: "Sommer2026", ...meta(nat) }));
    expect(sprayed.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_RATE_LIMIT.maxFailuresPerIp);
    expect(sprayed.slice(LOGIN_RATE_LIMIT.maxFailuresPerIp).every((r) => !r.ok && r.reason === "rate_limited")).toBe(true);
    // a colleague who has logged in from the NAT before gets in at once
    expect(await verifyLogin({ email: "kollega@test.invalid", password: "riktig-passord", ...meta(nat) })).toMatchObject({ ok: true });
    // someone who never has waits for the window to end (and is told how long)
    const newcomer = await verifyLogin({ email: "ny.ansatt@test.invalid", password: "riktig-passord", ...meta(nat) });
    expect(newcomer).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(newcomer.ok === false && newcomer.reason === "rate_limited" && newcomer.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_RATE_LIMIT.windowSeconds);
    advance(LOGIN_RATE_LIMIT.windowSeconds);
    expect(await verifyLogin({ email: "ny.ansatt@test.invalid", password: "riktig-passord", ...meta(nat) })).toMatchObject({ ok: true });
  });

  it("deletes login attempts older than 30 days, and expired counters, on the login path", async () => {
    const now = pinClock() + 365 * 86_400_000;
    vi.setSystemTime(now);
    const day = 86_400_000;
    await db().loginAttempt.createMany({
      data: [
        { email: "gammel@test.invalid", ip: "10.9.0.1", succeeded: false, at: new Date(now - 31 * day) },
        { email: "nyere@test.invalid", ip: "10.9.0.1", succeeded: false, at: new Date(now - 29 * day) },
      ],
    });
    await db().loginRateLimit.createMany({
      data: [
        { key: "login-ip:10.9.0.9", points: 3, expire: BigInt(now - 2 * 3_600_000) },
        { key: "login-ip:10.9.0.8", points: 3, expire: BigInt(now + 60_000) },
      ],
    });
    await verifyLogin({ email: "kari@test.invalid", password: "riktig-passord", ...meta("10.9.1.2") });
    const emails = (await db().loginAttempt.findMany({ where: { ip: "10.9.0.1" } })).map((a) => a.email);
    expect(emails).toEqual(["nyere@test.invalid"]);
    const keys = (await db().loginRateLimit.findMany({ where: { key: { startsWith: "login-ip:10.9.0." } } })).map((r) => r.key);
    expect(keys).toEqual(["login-ip:10.9.0.8"]);
  });
});

describe("the real sign-in path (Auth.js's credentials callback)", () => {
  let handlers: typeof import("@/server/auth/nextauth").handlers;
  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "test-secret-not-for-production-0123456789";
    process.env[CLIENT_IP_FROM_SERVER_ENV] = "1";
    ({ handlers } = await import("@/server/auth/nextauth"));
  });

  /** What a browser does: fetch a CSRF token, post the form; returns where Auth.js redirects to. */
  async function signIn(email: string, password: string, headers: Record<string, string>) {
    const csrf = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/csrf"));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const response = await handlers.POST(
      new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
        body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "http://localhost:3000/" }),
      }),
    );
    return new URL(response.headers.get("location") ?? "", "http://localhost:3000");
  }

  it.skipIf(embedded)("50 parallel wrong passwords: at most the limit checked; the others told to wait; the address from our server's header, not X-Forwarded-For", async () => {
    pinClock();
    const email = "ekte-vei@test.invalid";
    await makeUser(email);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const compare = vi.spyOn(bcrypt, "compare");
    const redirects = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        signIn(email, `feil-${i}`, { [CLIENT_IP_HEADER]: "10.10.0.1", "x-forwarded-for": `192.0.2.${i}`, "x-real-ip": `192.0.2.${i}` }),
      ),
    );
    const checked = await auditCount("LOGIN_FAILED", email);
    expect(checked).toBeLessThanOrEqual(LOGIN_RATE_LIMIT.maxAttemptsPerEmailAndIp);
    expect(compare).toHaveBeenCalledTimes(checked);
    const codes = redirects.map((url) => `${url.pathname} ${url.searchParams.get("error")} ${url.searchParams.get("code")}`);
    expect(codes.filter((c) => c === "/login CredentialsSignin credentials")).toHaveLength(checked);
    expect(codes.filter((c) => c === "/login CredentialsSignin rate_limited")).toHaveLength(50 - checked);
    const ips = await db().auditEvent.findMany({ where: { detail: { path: ["email"], equals: email } }, distinct: ["ip"], select: { ip: true } });
    expect(ips).toEqual([{ ip: "10.10.0.1" }]);
  });

  it("a failed login logs one line, with no stack trace and not the e-mail", async () => {
    pinClock();
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    const url = await signIn("kari@test.invalid", "feil-passord", { [CLIENT_IP_HEADER]: "10.11.0.1" });
    expect(url.searchParams.get("code")).toBe("credentials");
    expect(lines).toEqual(["[auth] Innlogging avvist (credentials)"]);
  });

  it("with the database away: a clear code for the login page, one log line", async () => {
    pinClock();
    const global = globalThis as { forlopsvaktPrisma?: PrismaClient };
    const working = global.forlopsvaktPrisma;
    const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:9/nowhere", { max: 1 });
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    global.forlopsvaktPrisma = unreachable;
    try {
      const url = await signIn("kari@test.invalid", "riktig-passord", { [CLIENT_IP_HEADER]: "10.12.0.1" });
      expect([url.pathname, url.searchParams.get("error"), url.searchParams.get("code")]).toEqual(["/login", "CredentialsSignin", "unavailable"]);
    } finally {
      global.forlopsvaktPrisma = working;
      await unreachable.$disconnect();
    }
    expect(lines.filter((l) => l.startsWith("[auth]"))).toEqual(["[auth] Innlogging avvist (unavailable)"]);
    expect(lines.join("\n")).not.toMatch(/\n\s+at /);
  });
});
