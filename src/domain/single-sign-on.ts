// Who a single sign-on (OpenID Connect) is, decided from the users found for
// the provider's identity. Nobody is provisioned: the user must exist. The
// first login matches by a claim — the e-mail (case-insensitive, verified
// unless the operator trusts the provider's addresses), or for HelseID the
// HPR number — and links the provider's `sub` to the user; later logins match
// on that link, so a changed e-mail at the provider keeps working and another
// identity that later claims the same e-mail does not get in.

export interface SsoCandidate {
  id: string;
  active: boolean;
  /** the issuer and `sub` linked at an earlier single sign-on, if any */
  oidcIssuer: string | null;
  oidcSubject: string | null;
}

export type SsoRefusal = "unknown" | "inactive" | "linked_elsewhere" | "unverified_email" | "unknown_hpr" | "no_hpr" | "security_level";

export type SsoDecision<U extends SsoCandidate> = { ok: true; user: U; link: boolean } | { ok: false; reason: SsoRefusal; user: U | null };

/**
 * `bySubject`: the user linked to this issuer and `sub`; `byClaim`: the user
 * whose e-mail (or HPR number) is the provider's claim. `refuse`: why no user
 * was found by claim (default "unknown"), and whether the login's security
 * level is too low (refused whoever it is).
 */
export function decideSingleSignOn<U extends SsoCandidate>(
  issuer: string,
  found: { bySubject: U | null; byClaim: U | null },
  refuse: { noClaimMatch?: SsoRefusal; belowSecurityLevel?: boolean } = {},
): SsoDecision<U> {
  const { bySubject, byClaim } = found;
  if (refuse.belowSecurityLevel) return { ok: false, reason: "security_level", user: bySubject ?? byClaim };
  if (bySubject) return bySubject.active ? { ok: true, user: bySubject, link: false } : { ok: false, reason: "inactive", user: bySubject };
  if (!byClaim) return { ok: false, reason: refuse.noClaimMatch ?? "unknown", user: null };
  // linked to another identity at this same provider: the e-mail alone is not enough
  if (byClaim.oidcIssuer === issuer && byClaim.oidcSubject !== null) return { ok: false, reason: "linked_elsewhere", user: byClaim };
  if (!byClaim.active) return { ok: false, reason: "inactive", user: byClaim };
  return { ok: true, user: byClaim, link: true };
}

/**
 * The e-mail claim to match on, trimmed and lower-cased; `unverified` when the
 * provider sent an address without vouching for it. Only `email_verified: true`
 * counts as verified, unless the operator trusts the provider's addresses
 * (`trustUnverified`: a single-tenant Entra ID, which sends no email_verified);
 * `email_verified: false` is never trusted.
 */
export function ssoEmail(claims: { email?: unknown; email_verified?: unknown }, options: { trustUnverified: boolean }): { email: string | null; unverified: boolean } {
  if (typeof claims.email !== "string") return { email: null, unverified: false };
  const email = claims.email.trim().toLowerCase();
  if (!email.includes("@") || email.length > 254) return { email: null, unverified: false };
  // some providers send the boolean as a string
  const verified = claims.email_verified === true || claims.email_verified === "true";
  const denied = claims.email_verified === false || claims.email_verified === "false";
  if (verified || (options.trustUnverified && !denied)) return { email, unverified: false };
  return { email: null, unverified: true };
}
