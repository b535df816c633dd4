// Who a single sign-on (OpenID Connect) is, decided from the users found for
// the provider's identity. Nobody is provisioned: the user must exist. The
// first login matches by e-mail (case-insensitive) and links the provider's
// `sub` to the user; later logins match on that link, so a changed e-mail at
// the provider keeps working and another identity that later claims the same
// e-mail does not get in.

export interface SsoCandidate {
  id: string;
  active: boolean;
  /** the issuer and `sub` linked at an earlier single sign-on, if any */
  oidcIssuer: string | null;
  oidcSubject: string | null;
}

export type SsoRefusal = "unknown" | "inactive" | "linked_elsewhere";

export type SsoDecision<U extends SsoCandidate> = { ok: true; user: U; link: boolean } | { ok: false; reason: SsoRefusal; user: U | null };

/**
 * `bySubject`: the user linked to this issuer and `sub`; `byEmail`: the user
 * whose e-mail is the provider's (verified) e-mail claim.
 */
export function decideSingleSignOn<U extends SsoCandidate>(issuer: string, found: { bySubject: U | null; byEmail: U | null }): SsoDecision<U> {
  const { bySubject, byEmail } = found;
  if (bySubject) return bySubject.active ? { ok: true, user: bySubject, link: false } : { ok: false, reason: "inactive", user: bySubject };
  if (!byEmail) return { ok: false, reason: "unknown", user: null };
  // linked to another identity at this same provider: the e-mail alone is not enough
  if (byEmail.oidcIssuer === issuer && byEmail.oidcSubject !== null) return { ok: false, reason: "linked_elsewhere", user: byEmail };
  if (!byEmail.active) return { ok: false, reason: "inactive", user: byEmail };
  return { ok: true, user: byEmail, link: true };
}

/** The e-mail claim to match on: trimmed and lower-cased, none when the provider says it is unverified. */
export function ssoEmail(claims: { email?: unknown; email_verified?: unknown }): string | null {
  if (typeof claims.email !== "string" || claims.email_verified === false) return null;
  const email = claims.email.trim().toLowerCase();
  return email.includes("@") && email.length <= 254 ? email : null;
}
