import "server-only";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { env } from "@/server/env";
import type { RequestMeta } from "@/server/request-meta";
import { decideSingleSignOn, ssoEmail, type SsoRefusal } from "@/domain/single-sign-on";

// Single sign-on through one OpenID provider (HelseID, Microsoft Entra ID …),
// switched on by AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and
// AUTH_OIDC_CLIENT_SECRET. Who the login is: src/domain/single-sign-on.ts.
// Audited as password logins are (LOGIN_SUCCEEDED / LOGIN_FAILED), with
// `method: "oidc"` in the detail.

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the provider's name on the login button */
  name: string;
}

/** The provider's settings; null (no button, no provider) unless all three are set. */
export function ssoSettings(): SsoSettings | null {
  const issuer = env("AUTH_OIDC_ISSUER");
  const clientId = env("AUTH_OIDC_CLIENT_ID");
  const clientSecret = env("AUTH_OIDC_CLIENT_SECRET");
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: env("AUTH_OIDC_NAME") ?? "HelseID" };
}

export type SsoLoginResult = { ok: true; userId: string } | { ok: false; reason: SsoRefusal };

const candidate = { id: true, active: true, oidcIssuer: true, oidcSubject: true } as const;

/**
 * The user the provider vouched for (`issuer`, its `sub` and claims), in one
 * transaction: the decision, the link of `sub` at the first login, the last
 * login time and the audit row.
 */
export async function singleSignOn(
  input: { issuer: string; subject: string; claims: { email?: unknown; email_verified?: unknown } },
  meta: RequestMeta,
  now: Date,
): Promise<SsoLoginResult> {
  const email = ssoEmail(input.claims);
  return prisma.$transaction(async (tx) => {
    const bySubject = await tx.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: input.issuer, oidcSubject: input.subject } }, select: candidate });
    const byEmail = bySubject || !email ? null : await tx.user.findUnique({ where: { email }, select: candidate });
    const decision = decideSingleSignOn(input.issuer, { bySubject, byEmail });
    if (!decision.ok) {
      await writeAudit(tx, { userId: decision.user?.id ?? null, action: "LOGIN_FAILED", detail: { method: "oidc", email, reason: decision.reason } }, meta);
      return { ok: false, reason: decision.reason };
    }
    const link = decision.link ? { oidcIssuer: input.issuer, oidcSubject: input.subject } : {};
    await tx.user.update({ where: { id: decision.user.id }, data: { ...link, lastLoginAt: now } });
    await writeAudit(tx, { userId: decision.user.id, action: "LOGIN_SUCCEEDED", detail: { method: "oidc" } }, meta);
    return { ok: true, userId: decision.user.id };
  });
}
