import "server-only";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import type { RequestMeta } from "@/server/request-meta";
import { decideSingleSignOn, ssoEmail, type SsoRefusal } from "@/domain/single-sign-on";
import { belowSecurityLevel, helseIdIdentity } from "@/domain/helseid-claims";
import type { SsoSettings } from "./sso-settings";

// Single sign-on through one OpenID provider (HelseID, Microsoft Entra ID …),
// switched on by AUTH_OIDC_* (./sso-settings.ts). Who the login is:
// src/domain/single-sign-on.ts; HelseID's claims: src/domain/helseid-claims.ts.
// Audited as password logins are (LOGIN_SUCCEEDED / LOGIN_FAILED), with
// `method: "oidc"` in the detail, and for a refusal what it was matched on
// (the e-mail, or HelseID's HPR number and security level: never the national id).

export type SsoLoginResult = { ok: true; userId: string } | { ok: false; reason: SsoRefusal };

const candidate = { id: true, active: true, oidcIssuer: true, oidcSubject: true } as const;

/** What the first login matches on, and what a refusal's audit row says about the identity. */
function claimMatch(settings: SsoSettings, claims: Record<string, unknown>) {
  if (settings.profile === "helseid") {
    const { hprNumber, securityLevel } = helseIdIdentity(claims);
    return {
      where: hprNumber ? { hprNumber } : null,
      noClaimMatch: (hprNumber ? "unknown_hpr" : "no_hpr") as SsoRefusal,
      belowSecurityLevel: belowSecurityLevel(securityLevel, settings.minSecurityLevel ?? 4),
      detail: { hprNumber, securityLevel },
    };
  }
  const { email, unverified } = ssoEmail(claims, { trustUnverified: settings.trustUnverifiedEmail });
  return {
    where: email ? { email } : null,
    noClaimMatch: (unverified ? "unverified_email" : "unknown") as SsoRefusal,
    belowSecurityLevel: false,
    detail: { email: email ?? (unverified && typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null) },
  };
}

/**
 * The user the provider vouched for (its `sub` and claims), in one
 * transaction: the decision, the link of `sub` at the first login, the last
 * login time and the audit row.
 */
export async function singleSignOn(
  settings: SsoSettings,
  input: { subject: string; claims: Record<string, unknown> },
  meta: RequestMeta,
  now: Date,
): Promise<SsoLoginResult> {
  const { issuer } = settings;
  const match = claimMatch(settings, input.claims);
  return prisma.$transaction(async (tx) => {
    const bySubject = await tx.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: input.subject } }, select: candidate });
    // also when linked: a refusal for a too low security level names the user in the audit row
    const byClaim = (bySubject && !match.belowSecurityLevel) || !match.where ? null : await tx.user.findFirst({ where: match.where, select: candidate });
    const decision = decideSingleSignOn(issuer, { bySubject, byClaim }, match);
    if (!decision.ok) {
      await writeAudit(tx, { userId: decision.user?.id ?? null, action: "LOGIN_FAILED", detail: { method: "oidc", ...match.detail, reason: decision.reason } }, meta);
      return { ok: false, reason: decision.reason };
    }
    const link = decision.link ? { oidcIssuer: issuer, oidcSubject: input.subject } : {};
    await tx.user.update({ where: { id: decision.user.id }, data: { ...link, lastLoginAt: now } });
    await writeAudit(tx, { userId: decision.user.id, action: "LOGIN_SUCCEEDED", detail: { method: "oidc" } }, meta);
    return { ok: true, userId: decision.user.id };
  });
}
