import { describe, expect, it } from "vitest";
import { decideSingleSignOn, ssoEmail, type SsoCandidate } from "@/domain/single-sign-on";
import { belowSecurityLevel, helseIdIdentity } from "@/domain/helseid-claims";
import { describeAudit } from "@/domain/audit/describe";
import { redirectErrorMessage } from "@/features/login/messages";

// Who a single sign-on is: the first login matches by e-mail and links the
// provider's `sub`, later ones match on that link only (the end-to-end flow
// against a real provider: tests/e2e/oidc.spec.ts).

const ISSUER = "https://login.microsoftonline.com/tenant/v2.0";
const user = (over: Partial<SsoCandidate> = {}): SsoCandidate => ({ id: "u1", active: true, oidcIssuer: null, oidcSubject: null, ...over });

describe("decideSingleSignOn", () => {
  it("lets in the active user linked to this sub, without linking again", () => {
    const linked = user({ oidcIssuer: ISSUER, oidcSubject: "s1" });
    expect(decideSingleSignOn(ISSUER, { bySubject: linked, byClaim: null })).toEqual({ ok: true, user: linked, link: false });
  });

  it("matches an unlinked active user by e-mail at the first login, and links the sub", () => {
    const u = user();
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byClaim: u })).toEqual({ ok: true, user: u, link: true });
    // linked at another provider earlier (the clinic changed provider): linked anew
    const elsewhere = user({ oidcIssuer: "https://helseid-sts.nhn.no", oidcSubject: "old" });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byClaim: elsewhere })).toMatchObject({ ok: true, link: true });
  });

  it("refuses an unknown identity, a deactivated user (linked or not), and another identity claiming a linked user's e-mail", () => {
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byClaim: null })).toEqual({ ok: false, reason: "unknown", user: null });
    expect(decideSingleSignOn(ISSUER, { bySubject: user({ active: false }), byClaim: null })).toMatchObject({ ok: false, reason: "inactive" });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byClaim: user({ active: false }) })).toMatchObject({ ok: false, reason: "inactive" });
    const linked = user({ oidcIssuer: ISSUER, oidcSubject: "s1" });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byClaim: linked })).toMatchObject({ ok: false, reason: "linked_elsewhere" });
  });
});

describe("decideSingleSignOn: HelseID's refusals", () => {
  it("refuses a too low security level whoever it is (naming the user found), and says why no user matched the claim", () => {
    const linked = user({ oidcIssuer: ISSUER, oidcSubject: "s1" });
    expect(decideSingleSignOn(ISSUER, { bySubject: linked, byClaim: null }, { belowSecurityLevel: true })).toEqual({ ok: false, reason: "security_level", user: linked });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byClaim: null }, { belowSecurityLevel: true })).toEqual({ ok: false, reason: "security_level", user: null });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byClaim: null }, { noClaimMatch: "no_hpr" })).toEqual({ ok: false, reason: "no_hpr", user: null });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byClaim: user() }, { noClaimMatch: "unknown_hpr" })).toMatchObject({ ok: true, link: true });
  });
});

const trust = { trustUnverified: true };
const strict = { trustUnverified: false };

describe("ssoEmail", () => {
  it("is the e-mail claim in lower case, none when missing or not an address", () => {
    expect(ssoEmail({ email: " Kari.Nordmann@Klinikk.NO ", email_verified: true }, strict)).toEqual({ email: "kari.nordmann@klinikk.no", unverified: false });
    expect(ssoEmail({ email: "kari@klinikk.no", email_verified: "true" }, strict)).toEqual({ email: "kari@klinikk.no", unverified: false });
    expect(ssoEmail({}, strict)).toEqual({ email: null, unverified: false });
    expect(ssoEmail({ email: 42 }, trust)).toEqual({ email: null, unverified: false });
    expect(ssoEmail({ email: "ikke-en-adresse", email_verified: true }, strict)).toEqual({ email: null, unverified: false });
  });

  // issue 18: the old code matched an e-mail sent without email_verified (Entra ID) as if verified
  it("refuses an e-mail without email_verified by default; the operator's trust lets it in; email_verified false never", () => {
    expect(ssoEmail({ email: "kari@klinikk.no" }, strict)).toEqual({ email: null, unverified: true });
    expect(ssoEmail({ email: "kari@klinikk.no" }, trust)).toEqual({ email: "kari@klinikk.no", unverified: false });
    expect(ssoEmail({ email: "kari@klinikk.no", email_verified: false }, trust)).toEqual({ email: null, unverified: true });
    expect(ssoEmail({ email: "kari@klinikk.no", email_verified: "false" }, trust)).toEqual({ email: null, unverified: true });
  });
});

describe("helseIdIdentity: HelseID's claims", () => {
  const HPR = "helseid://claims/hpr/hpr_number";
  const LEVEL = "helseid://claims/identity/security_level";
  it("reads the HPR number (digits, 4–9) and the security level (1–4), as strings or numbers", () => {
    expect(helseIdIdentity({ [HPR]: "9144900", [LEVEL]: "4", "helseid://claims/identity/pid": "13116900216" })).toEqual({ hprNumber: "9144900", securityLevel: 4 });
    expect(helseIdIdentity({ [HPR]: 565501872, [LEVEL]: 3 })).toEqual({ hprNumber: "565501872", securityLevel: 3 });
    expect(helseIdIdentity({ [HPR]: [" 9144900 "], [LEVEL]: ["4"] })).toEqual({ hprNumber: "9144900", securityLevel: 4 });
  });
  it("takes a missing, malformed or ambiguous claim as absent", () => {
    expect(helseIdIdentity({})).toEqual({ hprNumber: null, securityLevel: null });
    for (const hpr of ["", "123", "1234567890", "12a4567", ["1234567", "7654321"], true, 12.5]) {
      expect(helseIdIdentity({ [HPR]: hpr }).hprNumber).toBeNull();
    }
    for (const level of ["5", "0", "high", 4.5, null]) expect(helseIdIdentity({ [LEVEL]: level }).securityLevel).toBeNull();
  });
  it("refuses below the minimum level, at it lets in, and refuses without a level", () => {
    expect(belowSecurityLevel(3, 4)).toBe(true);
    expect(belowSecurityLevel(4, 4)).toBe(false);
    expect(belowSecurityLevel(3, 3)).toBe(false);
    expect(belowSecurityLevel(null, 1)).toBe(true);
  });
});

describe("the audit log's text for a refused single sign-on", () => {
  it("says why in Norwegian", () => {
    expect(describeAudit("LOGIN_FAILED", { method: "oidc", reason: "security_level" })).toBe("Mislykket innlogging med enkel pålogging (for lavt sikkerhetsnivå)");
    expect(describeAudit("LOGIN_FAILED", { method: "oidc", reason: "unknown_hpr", hprNumber: "1234567" })).toBe("Mislykket innlogging med enkel pålogging (ingen bruker med HPR-nummeret)");
    expect(describeAudit("LOGIN_FAILED", { email: "x" })).toBe("Mislykket innlogging");
  });
});

describe("the login page's message for a refused single sign-on", () => {
  it("says why in Norwegian, and falls back to the general refusal for a code it does not know", () => {
    expect(redirectErrorMessage("AccessDenied", "unknown")).toMatch(/^Innloggingen ble avvist: det finnes ingen bruker i Forløpsvakt/);
    expect(redirectErrorMessage("AccessDenied", "inactive")).toMatch(/deaktivert/);
    expect(redirectErrorMessage("AccessDenied", "unavailable")).toMatch(/^Databasen svarer ikke/);
    expect(redirectErrorMessage("AccessDenied", "unknown_hpr")).toMatch(/HPR-nummeret ditt fra HelseID/);
    expect(redirectErrorMessage("AccessDenied", "no_hpr")).toMatch(/oppga ikke noe HPR-nummer/);
    expect(redirectErrorMessage("AccessDenied", "security_level")).toMatch(/sikkerhetsnivået på innloggingen er for lavt/);
    expect(redirectErrorMessage("AccessDenied", "unverified_email")).toMatch(/bekrefter ikke e-postadressen/);
    // the code is anyone's to write in the URL
    expect(redirectErrorMessage("AccessDenied", "toString")).toBe("Denne brukeren har ikke tilgang til Forløpsvakt. Kontakt administratoren.");
    expect(redirectErrorMessage("AccessDenied", undefined)).toBe("Denne brukeren har ikke tilgang til Forløpsvakt. Kontakt administratoren.");
  });
});
