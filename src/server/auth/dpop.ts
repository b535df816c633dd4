import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

// DPoP (RFC 9449): tokens bound to a key pair of this process, so a stolen
// access token is useless without it. Every request to the token and userinfo
// endpoints carries a proof (a JWT signed with the key, naming the method and
// address, and for userinfo the token's hash). A provider that wants a fresh
// nonce answers `use_dpop_nonce` with a `DPoP-Nonce` header: the request is
// sent once more with that nonce, which is kept per provider origin for the
// next requests. The key lives in memory only; a login (token and userinfo)
// is done within one request, so one process's key is enough.

let keyPair: Promise<{ privateKey: CryptoKey; jwk: JWK }> | undefined;
const nonces = new Map<string, string>();

function dpopKey() {
  keyPair ??= generateKeyPair("ES256").then(async ({ privateKey, publicKey }) => {
    const { kty, crv, x, y } = await exportJWK(publicKey);
    return { privateKey, jwk: { kty, crv, x, y } };
  });
  return keyPair;
}

async function proof(method: string, url: URL, accessToken: string | undefined): Promise<string> {
  const { privateKey, jwk } = await dpopKey();
  const nonce = nonces.get(url.origin);
  return new SignJWT({
    htm: method,
    htu: `${url.origin}${url.pathname}`,
    jti: randomUUID(),
    ...(nonce ? { nonce } : {}),
    ...(accessToken ? { ath: createHash("sha256").update(accessToken).digest("base64url") } : {}),
  })
    .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk })
    .setIssuedAt()
    .sign(privateKey);
}

/** The provider asks for (another) nonce: a token endpoint's 400 JSON error, or a resource's 401 challenge. */
async function wantsNonce(response: Response): Promise<boolean> {
  if (response.status === 401) return /error="?use_dpop_nonce/.test(response.headers.get("www-authenticate") ?? "");
  if (response.status !== 400) return false;
  const body: unknown = await response.clone().json().catch(() => null);
  return typeof body === "object" && body !== null && (body as { error?: unknown }).error === "use_dpop_nonce";
}

/**
 * Sends the request `prepare` makes to `url` with a DPoP proof (and the access
 * token as `Authorization: DPoP …` when given), once more with the provider's
 * nonce if it asks for one. `prepare` runs for each attempt: a client
 * assertion may be used only once.
 */
export async function fetchWithDpop(url: URL, prepare: () => Promise<RequestInit & { headers: Headers }>, accessToken?: string): Promise<Response> {
  let response: Response | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const init = await prepare();
    const method = (init.method ?? "GET").toUpperCase();
    if (accessToken) init.headers.set("authorization", `DPoP ${accessToken}`);
    init.headers.set("dpop", await proof(method, url, accessToken));
    response = await fetch(url, init);
    const nonce = response.headers.get("dpop-nonce");
    if (nonce) nonces.set(url.origin, nonce);
    if (!nonce || !(await wantsNonce(response))) return response;
  }
  return response!;
}
