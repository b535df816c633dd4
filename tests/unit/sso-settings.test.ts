import { describe, expect, it } from "vitest";
import { exportJWK, generateKeyPair } from "jose";
import { clientSigningKey, HELSEID_SCOPES, parseSsoSettings } from "@/server/auth/sso-settings";
import { checkEnv, EnvError } from "@/server/env";

// The single sign-on settings taken together (AUTH_OIDC_*): a HelseID client
// without its key, or a setting that does not fit, is an EnvError naming the
// variable (at server start, instrumentation.ts), never a 500 at the first login.

const ISSUER = "https://helseid-sts.test.nhn.no";
const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
const PRIVATE_JWK = JSON.stringify({ ...(await exportJWK(privateKey)), kid: "forlopsvakt-1" });
const PUBLIC_JWK = JSON.stringify(await exportJWK(publicKey));
const noFile = () => {
  throw new Error("ENOENT");
};

function refusal(source: Record<string, string>, readFile: (path: string) => string = noFile) {
  try {
    parseSsoSettings(source, readFile);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems[0];
  }
  throw new Error("accepted");
}

describe("parseSsoSettings", () => {
  it("is off without an issuer, and keeps the old client-secret setup as it was", () => {
    expect(parseSsoSettings({})).toBeNull();
    expect(parseSsoSettings({ AUTH_OIDC_ISSUER: "https://idp.example", AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_CLIENT_SECRET: "s" })).toEqual({
      issuer: "https://idp.example", clientId: "c", name: "HelseID", profile: "email", clientAuth: { method: "client_secret_basic", secret: "s" },
      par: false, dpop: false, scopes: "openid profile email", minSecurityLevel: null, trustUnverifiedEmail: false,
    });
  });

  it("for HelseID: private_key_jwt with the JWK (inline or from a file), PAR, DPoP, level 4 and HelseID's scopes by default", () => {
    const settings = parseSsoSettings({ AUTH_OIDC_ISSUER: ISSUER, AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_PROFILE: "helseid", AUTH_OIDC_PRIVATE_KEY: PRIVATE_JWK });
    expect(settings).toMatchObject({ profile: "helseid", par: true, dpop: true, minSecurityLevel: 4, scopes: HELSEID_SCOPES, clientAuth: { method: "private_key_jwt", jwk: { kty: "RSA", alg: "RS256", kid: "forlopsvakt-1" } } });
    const fromFile = parseSsoSettings(
      { AUTH_OIDC_ISSUER: ISSUER, AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_PROFILE: "helseid", AUTH_OIDC_PRIVATE_KEY: "/run/secrets/helseid.jwk", AUTH_OIDC_MIN_SECURITY_LEVEL: "3", AUTH_OIDC_DPOP: "off" },
      (path) => (path === "/run/secrets/helseid.jwk" ? PRIVATE_JWK : noFile()),
    );
    expect(fromFile).toMatchObject({ minSecurityLevel: 3, dpop: false, par: true, clientAuth: { method: "private_key_jwt" } });
  });

  it("asks HelseID for the HPR number and security level, not the national id (users are matched by HPR number)", () => {
    const scopes = HELSEID_SCOPES.split(" ");
    expect(scopes).toEqual(expect.arrayContaining(["openid", "helseid://scopes/hpr/hpr_number", "helseid://scopes/identity/security_level"]));
    expect(scopes).not.toContain("helseid://scopes/identity/pid");
  });

  it("refuses what does not fit, naming the variable and never repeating a key", () => {
    const helseId = { AUTH_OIDC_ISSUER: ISSUER, AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_PROFILE: "helseid" };
    expect(refusal({ AUTH_OIDC_ISSUER: ISSUER })).toMatchObject({ name: "AUTH_OIDC_CLIENT_ID" });
    expect(refusal(helseId)).toEqual({ name: "AUTH_OIDC_PRIVATE_KEY", message: "mangler (påkrevd med private_key_jwt og for HelseID)" });
    expect(refusal({ ...helseId, AUTH_OIDC_CLIENT_AUTH: "client_secret_basic", AUTH_OIDC_CLIENT_SECRET: "s" })).toMatchObject({ name: "AUTH_OIDC_CLIENT_AUTH", message: expect.stringMatching(/HelseID godtar ikke klienthemmeligheter/) });
    expect(refusal({ ...helseId, AUTH_OIDC_PRIVATE_KEY: PUBLIC_JWK })).toEqual({ name: "AUTH_OIDC_PRIVATE_KEY", message: "må være en privat nøkkel (mangler d)" });
    expect(refusal({ ...helseId, AUTH_OIDC_PRIVATE_KEY: "{not json" })).toMatchObject({ message: "må være en JWK i JSON (kunne ikke lese JSON)" });
    expect(refusal({ ...helseId, AUTH_OIDC_PRIVATE_KEY: "/nowhere/key.json" })).toMatchObject({ message: expect.stringMatching(/fant ikke filen \/nowhere\/key\.json$/) });
    expect(refusal({ ...helseId, AUTH_OIDC_PRIVATE_KEY: PRIVATE_JWK, AUTH_OIDC_TRUST_UNVERIFIED_EMAIL: "1" })).toMatchObject({ name: "AUTH_OIDC_TRUST_UNVERIFIED_EMAIL" });
    expect(refusal({ AUTH_OIDC_ISSUER: ISSUER, AUTH_OIDC_CLIENT_ID: "c" })).toMatchObject({ name: "AUTH_OIDC_CLIENT_SECRET" });
    expect(refusal({ AUTH_OIDC_ISSUER: ISSUER, AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_CLIENT_SECRET: "s", AUTH_OIDC_MIN_SECURITY_LEVEL: "4" })).toMatchObject({
      name: "AUTH_OIDC_MIN_SECURITY_LEVEL", message: "gjelder bare AUTH_OIDC_PROFILE=helseid",
    });
    // a key's value never reaches a message (a log line)
    const message = new EnvError([refusal({ ...helseId, AUTH_OIDC_PRIVATE_KEY: PUBLIC_JWK })]).message;
    expect(message).not.toContain(JSON.parse(PUBLIC_JWK).n.slice(0, 20));
  });

  it("checks each variable at server start (checkEnv): a bad profile, level or flag", () => {
    expect(() => checkEnv({ AUTH_OIDC_PROFILE: "HelseID" })).toThrow("AUTH_OIDC_PROFILE må være email eller helseid (nå «HelseID»)");
    expect(() => checkEnv({ AUTH_OIDC_MIN_SECURITY_LEVEL: "5" })).toThrow("AUTH_OIDC_MIN_SECURITY_LEVEL må være et nivå fra 1 til 4");
    expect(() => checkEnv({ AUTH_OIDC_PAR: "kanskje" })).toThrow("AUTH_OIDC_PAR må være on eller off (1/0)");
    expect(() => checkEnv({ AUTH_OIDC_PRIVATE_KEY: "{}" , AUTH_OIDC_CLIENT_AUTH: "secret" })).toThrow(/AUTH_OIDC_CLIENT_AUTH må være client_secret_basic eller private_key_jwt \(nå «secret»\)/);
  });

  it("imports the key for signing; a JWK jose cannot use is an EnvError", async () => {
    const settings = parseSsoSettings({ AUTH_OIDC_ISSUER: ISSUER, AUTH_OIDC_CLIENT_ID: "c", AUTH_OIDC_PROFILE: "helseid", AUTH_OIDC_PRIVATE_KEY: PRIVATE_JWK });
    if (settings?.clientAuth.method !== "private_key_jwt") throw new Error("no key");
    await expect(clientSigningKey(settings.clientAuth.jwk)).resolves.toBeDefined();
    await expect(clientSigningKey({ kty: "RSA", d: "AQAB", alg: "RS256" })).rejects.toThrow("AUTH_OIDC_PRIVATE_KEY er ikke en gyldig privat nøkkel for RS256");
  });
});
