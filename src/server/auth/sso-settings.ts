import { readFileSync } from "node:fs";
import { importJWK, type CryptoKey } from "jose";
import { z } from "@/lib/zod";
import { env, EnvError } from "@/server/env";

// The single sign-on settings (AUTH_OIDC_*) taken together: each variable is
// checked alone by src/server/env.ts, how they combine here, at server start
// (instrumentation.ts) as well as at the first login, so a HelseID client
// without its key stops the server with a message naming the variable instead
// of failing at the first user's login.
//
// Two profiles: `email` (a generic provider or Microsoft Entra ID: the first
// login matches by e-mail) and `helseid` (HelseID: private_key_jwt, PAR and
// DPoP on by default, users matched by HPR number, a minimum security level).
// No "server-only", as env.ts: the unit tests read it; it holds no secret itself.

export type SsoProfile = "email" | "helseid";

// No pid scope: users are matched by HPR number, so the national id is not asked for (data minimisation)
export const HELSEID_SCOPES = "openid profile helseid://scopes/hpr/hpr_number helseid://scopes/identity/security_level";
const EMAIL_SCOPES = "openid profile email";

/** HelseID's level for access to patient data ("nivå 4", e.g. BankID); the default of the helseid profile. */
export const HELSEID_DEFAULT_MIN_SECURITY_LEVEL = 4;

const ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"] as const;
export type SigningAlg = (typeof ALGS)[number];
const EC_ALG: Record<string, SigningAlg> = { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" };

// the client's private key as a JWK (what HelseID's self-service hands out): RSA or EC, with `d`
const privateJwk = z
  .looseObject({
    kty: z.enum(["RSA", "EC"], { error: "må være en RSA- eller EC-nøkkel (kty)" }),
    d: z.string({ error: "må være en privat nøkkel (mangler d)" }).min(1, "må være en privat nøkkel (mangler d)"),
    alg: z.enum(ALGS, { error: `må ha alg ${ALGS.join(", ")}` }).optional(),
    kid: z.string().optional(),
    crv: z.string().optional(),
  })
  .refine((jwk) => jwk.kty !== "EC" || (jwk.crv !== undefined && jwk.crv in EC_ALG), "må være en EC-nøkkel på P-256, P-384 eller P-521 (crv)");
export type PrivateJwk = z.output<typeof privateJwk> & { alg: SigningAlg };

export type ClientAuth = { method: "client_secret_basic"; secret: string } | { method: "private_key_jwt"; jwk: PrivateJwk };

export interface SsoSettings {
  issuer: string;
  clientId: string;
  /** the provider's name on the login button */
  name: string;
  profile: SsoProfile;
  clientAuth: ClientAuth;
  /** pushed authorization requests (RFC 9126) */
  par: boolean;
  /** DPoP-bound tokens (RFC 9449) at the token and userinfo endpoints */
  dpop: boolean;
  scopes: string;
  /** helseid: the lowest `helseid://claims/identity/security_level` let in; null for the email profile */
  minSecurityLevel: number | null;
  /** email: match an e-mail the provider does not say is verified (Entra ID sends no email_verified) */
  trustUnverifiedEmail: boolean;
}

type Source = Record<string, string | undefined>;
const fail = (name: string, message: string): never => {
  throw new EnvError([{ name, message }]);
};

/** The JWK from AUTH_OIDC_PRIVATE_KEY: the JSON itself, or the path of a file holding it. Never repeats the value. */
function readPrivateJwk(raw: string, readFile: (path: string) => string): PrivateJwk {
  const NAME = "AUTH_OIDC_PRIVATE_KEY";
  let text = raw;
  if (!raw.startsWith("{")) {
    try {
      text = readFile(raw);
    } catch {
      return fail(NAME, `må være en JWK (JSON) eller stien til en fil med den; fant ikke filen ${raw}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(NAME, "må være en JWK i JSON (kunne ikke lese JSON)");
  }
  const parsed = privateJwk.safeParse(json);
  if (!parsed.success) return fail(NAME, parsed.error.issues[0]?.message ?? "må være en privat JWK");
  const jwk = parsed.data;
  return { ...jwk, alg: jwk.alg ?? (jwk.kty === "EC" ? EC_ALG[jwk.crv!] : "RS256") };
}

/** The settings from `source` (default: the environment); null when single sign-on is off (no AUTH_OIDC_ISSUER). Throws an EnvError when they do not fit together. */
export function parseSsoSettings(source?: Source, readFile: (path: string) => string = (path) => readFileSync(path, "utf8")): SsoSettings | null {
  const get = <N extends Parameters<typeof env>[0]>(name: N) => (source ? env(name, source) : env(name));
  const issuer = get("AUTH_OIDC_ISSUER");
  if (!issuer) return null;
  const clientId = get("AUTH_OIDC_CLIENT_ID") ?? fail("AUTH_OIDC_CLIENT_ID", "mangler (påkrevd når AUTH_OIDC_ISSUER er satt)");
  const profile = get("AUTH_OIDC_PROFILE") ?? "email";
  const helseId = profile === "helseid";
  const keyRaw = get("AUTH_OIDC_PRIVATE_KEY");
  const method = get("AUTH_OIDC_CLIENT_AUTH") ?? (keyRaw || helseId ? "private_key_jwt" : "client_secret_basic");
  let clientAuth: ClientAuth;
  if (method === "private_key_jwt") {
    if (!keyRaw) return fail("AUTH_OIDC_PRIVATE_KEY", "mangler (påkrevd med private_key_jwt og for HelseID)");
    clientAuth = { method, jwk: readPrivateJwk(keyRaw, readFile) };
  } else {
    // HelseID takes no client secrets
    if (helseId) return fail("AUTH_OIDC_CLIENT_AUTH", "må være private_key_jwt for HelseID (HelseID godtar ikke klienthemmeligheter)");
    clientAuth = { method, secret: get("AUTH_OIDC_CLIENT_SECRET") ?? fail("AUTH_OIDC_CLIENT_SECRET", "mangler (påkrevd med client_secret_basic)") };
  }
  const minLevel = get("AUTH_OIDC_MIN_SECURITY_LEVEL");
  if (!helseId && minLevel !== undefined) fail("AUTH_OIDC_MIN_SECURITY_LEVEL", "gjelder bare AUTH_OIDC_PROFILE=helseid");
  const trustUnverifiedEmail = get("AUTH_OIDC_TRUST_UNVERIFIED_EMAIL");
  if (helseId && trustUnverifiedEmail) fail("AUTH_OIDC_TRUST_UNVERIFIED_EMAIL", "gjelder ikke HelseID (brukere kjennes igjen på HPR-nummer)");
  return {
    issuer,
    clientId,
    name: get("AUTH_OIDC_NAME") ?? "HelseID",
    profile,
    clientAuth,
    par: get("AUTH_OIDC_PAR") ?? helseId,
    dpop: get("AUTH_OIDC_DPOP") ?? helseId,
    scopes: get("AUTH_OIDC_SCOPES") ?? (helseId ? HELSEID_SCOPES : EMAIL_SCOPES),
    minSecurityLevel: helseId ? (minLevel ?? HELSEID_DEFAULT_MIN_SECURITY_LEVEL) : null,
    trustUnverifiedEmail,
  };
}

const NAMES = [
  "AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET", "AUTH_OIDC_NAME", "AUTH_OIDC_PROFILE", "AUTH_OIDC_CLIENT_AUTH",
  "AUTH_OIDC_PRIVATE_KEY", "AUTH_OIDC_PAR", "AUTH_OIDC_DPOP", "AUTH_OIDC_SCOPES", "AUTH_OIDC_MIN_SECURITY_LEVEL", "AUTH_OIDC_TRUST_UNVERIFIED_EMAIL",
] as const;
let cached: { key: string; settings: SsoSettings | null } | undefined;

/** The settings of this process (parsed again when an AUTH_OIDC_* variable changes, as tests do). */
export function ssoSettings(): SsoSettings | null {
  const key = JSON.stringify(NAMES.map((name) => env(name) ?? null));
  if (cached?.key !== key) cached = { key, settings: parseSsoSettings() };
  return cached.settings;
}

const keys = new Map<string, Promise<CryptoKey>>();

/** The client's signing key (private_key_jwt), imported once; a JWK jose cannot import is an EnvError. */
export function clientSigningKey(jwk: PrivateJwk): Promise<CryptoKey> {
  const id = JSON.stringify(jwk);
  let key = keys.get(id);
  if (!key) {
    key = importJWK(jwk, jwk.alg).then(
      (k) => k as CryptoKey,
      () => fail("AUTH_OIDC_PRIVATE_KEY", `er ikke en gyldig privat nøkkel for ${jwk.alg}`),
    );
    keys.set(id, key);
  }
  return key;
}
