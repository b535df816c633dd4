import { hkdfSync } from "node:crypto";
import { EncryptJWT, base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

// The session token in Auth.js's own format (JWE, "dir" + A256CBC-HS512, key
// derived by HKDF-SHA256 from the secret with the cookie name as salt), so
// tokens issued either way read the same. What differs: the derived key and
// its thumbprint are computed once per secret, not for every token. Auth.js
// derives them anew each time, and a request read or wrote the token up to
// three times before sessions had rows (proxy: read and renew; handler: read;
// today: read twice), each derivation a trip through the crypto thread pool. That was ~5 ms of every signed-in request.

const ALG = "dir";
const ENC = "A256CBC-HS512";
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const LENGTH: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };

interface DerivedKey {
  key: Uint8Array;
  kid: Promise<string>;
}
const derived = new Map<string, DerivedKey>();

function derivedKey(enc: string, secret: string, salt: string): DerivedKey {
  const length = LENGTH[enc];
  if (!length) throw new Error("Unsupported JWT Content Encryption Algorithm");
  const id = `${enc}\u0000${salt}\u0000${secret}`;
  let entry = derived.get(id);
  if (!entry) {
    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
    const kid = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}` as "sha256");
    entry = { key, kid };
    derived.set(id, entry);
  }
  return entry;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);
const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt }: JWTEncodeParams): Promise<string> {
  const { key, kid } = derivedKey(ENC, secretsOf(secret)[0], salt);
  return new EncryptJWT(token as Record<string, unknown>)
    .setProtectedHeader({ alg: ALG, enc: ENC, kid: await kid })
    .setIssuedAt()
    .setExpirationTime(nowSeconds() + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

export async function decodeSessionToken({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      for (const candidate of secretsOf(secret)) {
        const entry = derivedKey(enc, candidate, salt);
        if (kid === undefined || kid === (await entry.kid)) return entry.key;
      }
      throw new Error("no matching decryption secret");
    },
    { clockTolerance: 15, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC, "A256GCM"] },
  );
  return payload as JWT;
}
