import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { encode } from "next-auth/jwt";
import { LAST_SEEN_PRECISION_SECONDS } from "@/server/auth/session-rules";
import { IDLE_TIMEOUT_SECONDS, MAX_SESSION_SECONDS } from "@/server/auth/settings";
import { createPrismaClient, pgPool } from "@/server/db";
import { viaPg, type Sql } from "@/server/sql";
import { resolveSession } from "@/server/auth/session-user";
import { endSession, startSession } from "@/server/auth/sessions";
import { makeActor, makeUnit, useAppDatabase } from "./support/app-db";

// Sessions end on the server: what every request asks (resolveSession, as
// getCurrentUser does), what sign-in writes (startSession, Auth.js's jwt
// callback) and what logout does (endSession, the logout action). Two pg pools
// play two server processes; the clock is pinned.

const { db } = useAppDatabase();
const SECRET = "test-secret-not-for-production-0123456789";
const NAME = "authjs.session-token";
const T0 = new Date("2026-11-30T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const meta = { ip: "10.9.0.1", userAgent: "vitest" };

let processA: Sql;
let processB: Sql;
let second: PrismaClient;
let unitId: string;

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  second = createPrismaClient(pgPool(db()).options.connectionString, { max: 2 });
  processA = viaPg(pgPool(db()), { prepared: true });
  processB = viaPg(pgPool(second), { prepared: true });
  unitId = (await makeUnit(db())).id;
});

afterAll(async () => {
  await second?.$disconnect();
});

/** A signed-in clinician: the session row and the cookie as Auth.js issues them at sign-in. */
async function signIn(seconds = 0) {
  const { user } = await makeActor(db(), "CLINICIAN", [unitId]);
  const sessionId = (await startSession(user.id, at(seconds), processA))!;
  const value = await encode({ token: { sub: user.id, sid: sessionId, loginAt: Math.floor(at(seconds).getTime() / 1000) }, secret: SECRET, salt: NAME });
  return { user, sessionId, cookie: { name: NAME, value } };
}

/** A request carrying `cookie` at T0 + `seconds`, in the given process: its user, or null. */
async function request(cookie: { name: string; value: string }, seconds: number, process = processA) {
  const session = await resolveSession((name) => (name === cookie.name ? cookie.value : undefined), [cookie.name], at(seconds), process);
  return session?.user.id ?? null;
}

const lastSeen = async (sessionId: string) => (await db().userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;

describe("logout", () => {
  it("ends the session at once in every process, audits LOGOUT once, and leaves other sessions alone", async () => {
    const { user, sessionId, cookie } = await signIn();
    const other = await signIn();
    expect(await request(cookie, 10, processA)).toBe(user.id);
    expect(await request(cookie, 11, processB)).toBe(user.id);

    expect(await endSession({ sessionId, userId: user.id }, meta, at(12), processA)).toBe(true);

    expect(await request(cookie, 13, processB)).toBeNull();
    expect(await request(cookie, 14, processA)).toBeNull();
    expect(await request(other.cookie, 15, processB)).toBe(other.user.id);
    // logging out twice (the action, then Auth.js's signOut event) audits once
    expect(await endSession({ sessionId, userId: user.id }, meta, at(16), processB)).toBe(false);
    const audit = await db().auditEvent.findMany({ where: { userId: user.id, action: "LOGOUT" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ ip: "10.9.0.1", detail: { sessionId } });
  });

  it("a session id of another user's session does not end it", async () => {
    const one = await signIn();
    const two = await signIn();
    expect(await endSession({ sessionId: two.sessionId, userId: one.user.id }, meta, at(5))).toBe(false);
    expect(await request(two.cookie, 6)).toBe(two.user.id);
  });
});

describe("deactivated users", () => {
  it("deactivating and reactivating a user does not revive the old cookies; a new sign-in works", async () => {
    const { user, cookie } = await signIn();
    const other = await signIn();
    expect(await request(cookie, 5)).toBe(user.id);
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await request(cookie, 6, processB)).toBeNull();
    await db().user.update({ where: { id: user.id }, data: { active: true } });
    expect(await request(cookie, 7, processB)).toBeNull();
    expect(await request(other.cookie, 8)).toBe(other.user.id);

    const again = (await startSession(user.id, at(9)))!;
    const value = await encode({ token: { sub: user.id, sid: again, loginAt: Math.floor(at(9).getTime() / 1000) }, secret: SECRET, salt: NAME });
    expect(await request({ name: NAME, value }, 10, processB)).toBe(user.id);
  });

  it("an inactive user gets no session", async () => {
    const { user } = await makeActor(db(), "CLINICIAN", [unitId]);
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await startSession(user.id, at(0))).toBeNull();
  });
});

describe(`the idle timeout (${IDLE_TIMEOUT_SECONDS} s) counts from the last request`, () => {
  it("without requests: still in at the timeout, out one second later", async () => {
    const one = await signIn();
    expect(await request(one.cookie, IDLE_TIMEOUT_SECONDS)).toBe(one.user.id);
    const two = await signIn();
    expect(await request(two.cookie, IDLE_TIMEOUT_SECONDS + 1)).toBeNull();
  });

  it("a request ten minutes after sign-in restarts it, whether or not the client stored any new cookie", async () => {
    const one = await signIn();
    expect(await request(one.cookie, 600, processA)).toBe(one.user.id);
    expect(await request(one.cookie, 600 + IDLE_TIMEOUT_SECONDS, processB)).toBe(one.user.id);
    const two = await signIn();
    expect(await request(two.cookie, 600, processA)).toBe(two.user.id);
    expect(await request(two.cookie, 600 + IDLE_TIMEOUT_SECONDS + 1, processB)).toBeNull();
  });

  it(`lastSeenAt is rewritten only when ${LAST_SEEN_PRECISION_SECONDS} s old, so a session may end up to that much early, never late`, async () => {
    const P = LAST_SEEN_PRECISION_SECONDS;
    const { user, sessionId, cookie } = await signIn();
    expect(await request(cookie, P - 1)).toBe(user.id);
    expect(await lastSeen(sessionId)).toEqual(at(0));
    expect(await request(cookie, P)).toBe(user.id);
    expect(await lastSeen(sessionId)).toEqual(at(P));
    // last request at 2P − 1, recorded as P: out at P + IDLE + 1, which is IDLE − P + 2 after it
    expect(await request(cookie, 2 * P - 1)).toBe(user.id);
    expect(await lastSeen(sessionId)).toEqual(at(P));
    expect(await request(cookie, P + IDLE_TIMEOUT_SECONDS + 1)).toBeNull();
  });
});

describe(`the absolute limit (${MAX_SESSION_SECONDS / 3600} h)`, () => {
  it("ends a session however active it is", async () => {
    const { user, cookie } = await signIn();
    for (let s = 1200; s < MAX_SESSION_SECONDS; s += 1200) expect(await request(cookie, s)).toBe(user.id);
    expect(await request(cookie, MAX_SESSION_SECONDS)).toBe(user.id);
    expect(await request(cookie, MAX_SESSION_SECONDS + 1)).toBeNull();
  });
});

describe("cookies from before session rows", () => {
  it("are refused although their user is active (the user signs in once more)", async () => {
    const { user } = await makeActor(db(), "CLINICIAN", [unitId]);
    const loginAt = Math.floor(T0.getTime() / 1000);
    const value = await encode({ token: { sub: user.id, loginAt, lastActivity: loginAt }, secret: SECRET, salt: NAME });
    expect(await request({ name: NAME, value }, 5)).toBeNull();
  });
});
