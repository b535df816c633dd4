import { describe, expect, it } from "vitest";
import { decideSingleSignOn, ssoEmail, type SsoCandidate } from "@/domain/single-sign-on";
import { redirectErrorMessage } from "@/features/login/messages";

// Who a single sign-on is: the first login matches by e-mail and links the
// provider's `sub`, later ones match on that link only (the end-to-end flow
// against a real provider: tests/e2e/oidc.spec.ts).

const ISSUER = "https://login.microsoftonline.com/tenant/v2.0";
const user = (over: Partial<SsoCandidate> = {}): SsoCandidate => ({ id: "u1", active: true, oidcIssuer: null, oidcSubject: null, ...over });

describe("decideSingleSignOn", () => {
  it("lets in the active user linked to this sub, without linking again", () => {
    const linked = user({ oidcIssuer: ISSUER, oidcSubject: "s1" });
    expect(decideSingleSignOn(ISSUER, { bySubject: linked, byEmail: null })).toEqual({ ok: true, user: linked, link: false });
  });

  it("matches an unlinked active user by e-mail at the first login, and links the sub", () => {
    const u = user();
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byEmail: u })).toEqual({ ok: true, user: u, link: true });
    // linked at another provider earlier (the clinic changed provider): linked anew
    const elsewhere = user({ oidcIssuer: "https://helseid-sts.nhn.no", oidcSubject: "old" });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byEmail: elsewhere })).toMatchObject({ ok: true, link: true });
  });

  it("refuses an unknown identity, a deactivated user (linked or not), and another identity claiming a linked user's e-mail", () => {
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byEmail: null })).toEqual({ ok: false, reason: "unknown", user: null });
    expect(decideSingleSignOn(ISSUER, { bySubject: user({ active: false }), byEmail: null })).toMatchObject({ ok: false, reason: "inactive" });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byEmail: user({ active: false }) })).toMatchObject({ ok: false, reason: "inactive" });
    const linked = user({ oidcIssuer: ISSUER, oidcSubject: "s1" });
    expect(decideSingleSignOn(ISSUER, { bySubject: null, byEmail: linked })).toMatchObject({ ok: false, reason: "linked_elsewhere" });
  });
});

describe("ssoEmail", () => {
  it("is the e-mail claim in lower case, none when missing, not an address or unverified", () => {
    expect(ssoEmail({ email: " Kari.Nordmann@Klinikk.NO " })).toBe("kari.nordmann@klinikk.no");
    expect(ssoEmail({ email: "kari@klinikk.no", email_verified: true })).toBe("kari@klinikk.no");
    expect(ssoEmail({ email: "kari@klinikk.no", email_verified: false })).toBeNull();
    expect(ssoEmail({})).toBeNull();
    expect(ssoEmail({ email: 42 })).toBeNull();
    expect(ssoEmail({ email: "ikke-en-adresse" })).toBeNull();
  });
});

describe("the login page's message for a refused single sign-on", () => {
  it("says why in Norwegian, and falls back to the general refusal for a code it does not know", () => {
    expect(redirectErrorMessage("AccessDenied", "unknown")).toMatch(/^Innloggingen ble avvist: det finnes ingen bruker i Forløpsvakt/);
    expect(redirectErrorMessage("AccessDenied", "inactive")).toMatch(/deaktivert/);
    expect(redirectErrorMessage("AccessDenied", "unavailable")).toMatch(/^Databasen svarer ikke/);
    // the code is anyone's to write in the URL
    expect(redirectErrorMessage("AccessDenied", "toString")).toBe("Denne brukeren har ikke tilgang til Forløpsvakt. Kontakt administratoren.");
    expect(redirectErrorMessage("AccessDenied", undefined)).toBe("Denne brukeren har ikke tilgang til Forløpsvakt. Kontakt administratoren.");
  });
});
