import "server-only";
import bcrypt from "bcryptjs";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import type { RequestMeta } from "@/server/request-meta";
import { LOGIN_RATE_LIMIT } from "@/auth/settings";

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "rate_limited" };

// A hash to compare against when the e-mail is unknown, so that response time
// does not reveal which e-mail addresses exist.
const DUMMY_HASH = "$2b$10$924YewWP2VPzsc2pLCR2y.LNCvjSXdAMIxa0z73hpChkufUdeEJAe";

export async function isRateLimited(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_RATE_LIMIT.windowSeconds * 1000);
  const [byEmail, byIp] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, succeeded: false, at: { gte: since } } }),
    ip ? prisma.loginAttempt.count({ where: { ip, succeeded: false, at: { gte: since } } }) : Promise.resolve(0),
  ]);
  return byEmail >= LOGIN_RATE_LIMIT.maxFailuresPerEmail || byIp >= LOGIN_RATE_LIMIT.maxFailuresPerIp;
}

/** Checks e-mail and password, with rate limiting; records the attempt and an audit row. */
export async function verifyLogin(input: { email: string; password: string } & RequestMeta): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const meta = { ip: input.ip, userAgent: input.userAgent };
  if (await isRateLimited(email, input.ip)) {
    await prisma.loginAttempt.create({ data: { email, ip: input.ip, succeeded: false } });
    return { ok: false, reason: "rate_limited" };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  const ok = Boolean(user && user.active && passwordOk);
  await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip: input.ip, succeeded: ok } });
    await writeAudit(tx, { userId: user?.id ?? null, action: ok ? "LOGIN_SUCCEEDED" : "LOGIN_FAILED", detail: ok ? undefined : { email } }, meta);
    if (ok && user) await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  });
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

export async function findActiveUserByEmail(email: string) {
  return prisma.user.findFirst({ where: { email: email.trim().toLowerCase(), active: true }, select: { id: true } });
}
