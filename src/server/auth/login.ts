import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import type { RequestMeta } from "@/server/request-meta";
import { takeLoginSlot } from "./login-limits";
import { pruneLoginRecordsIfDue } from "./login-retention";

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

// A hash to compare against when the e-mail is unknown, so that response time
// does not reveal which e-mail addresses exist.
const DUMMY_HASH = "$2b$10$924YewWP2VPzsc2pLCR2y.LNCvjSXdAMIxa0z73hpChkufUdeEJAe";

/**
 * Checks e-mail and password within the login limits (login-limits.ts). A
 * refused attempt checks no password and is audited as LOGIN_RATE_LIMITED; a
 * checked one is recorded as a login attempt and audited as LOGIN_SUCCEEDED
 * or LOGIN_FAILED.
 */
export async function verifyLogin(input: { email: string; password: string } & RequestMeta): Promise<LoginResult> {
  const now = new Date();
  const email = input.email.trim().toLowerCase();
  const meta = { ip: input.ip, userAgent: input.userAgent };
  await pruneLoginRecordsIfDue(now);
  const slot = await takeLoginSlot(email, input.ip, now);
  if (!slot.ok) {
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    await writeAudit(
      prisma,
      { userId: user?.id ?? null, action: "LOGIN_RATE_LIMITED", detail: { email, limit: slot.limit, retryAfterSeconds: slot.retryAfterSeconds } },
      meta,
    );
    return { ok: false, reason: "rate_limited", retryAfterSeconds: slot.retryAfterSeconds };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  // no hash: "only single sign-on", never a password login (whatever the dummy's password is)
  const ok = Boolean(user && user.active && user.passwordHash && passwordOk);
  await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip: input.ip, succeeded: ok, at: now } });
    await writeAudit(tx, { userId: user?.id ?? null, action: ok ? "LOGIN_SUCCEEDED" : "LOGIN_FAILED", detail: ok ? undefined : { email } }, meta);
    if (ok && user) await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  });
  await slot.settle(ok);
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
