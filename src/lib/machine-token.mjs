// Machine client tokens (API access for the EPJ): `fvk_<tokenId>_<secret>`.
// tokenId (16 hex) is public and finds the client's row; the secret (32
// random bytes) is never stored: the row keeps the SHA-256 of the whole
// token. Plain JavaScript so that scripts/start.mjs can print the demo
// client's token without TypeScript.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const TOKEN = /^fvk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** SHA-256 of the whole token, hex: what the database keeps. */
export function hashToken(token) {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The public id of a well-formed token, else null. */
export function tokenIdOf(token) {
  const match = TOKEN.exec(token);
  return match ? match[1] : null;
}

/** Whether `token` hashes to `storedHash`, compared in constant time. */
export function tokenMatches(token, storedHash) {
  const given = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

function tokenFrom(bytes) {
  return `fvk_${bytes.subarray(0, 8).toString("hex")}_${bytes.subarray(8, 40).toString("base64url")}`;
}

/** A new random token, with its id and hash. */
export function newToken() {
  const token = tokenFrom(randomBytes(40));
  return { token, tokenId: tokenIdOf(token), tokenHash: hashToken(token) };
}

/**
 * The demo machine client's token, derived from the development AUTH_SECRET
 * (which `npm start` keeps in .data/auth-secret): the seed stores its hash and
 * `npm start` prints it, both outside production only. A production database
 * never gets it (the seed gives the demo client a random token there).
 */
export function demoClientToken(authSecret) {
  const a = createHmac("sha256", authSecret).update("forlopsvakt demo machine client 1").digest();
  const b = createHmac("sha256", authSecret).update("forlopsvakt demo machine client 2").digest();
  const token = tokenFrom(Buffer.concat([a, b]));
  return { token, tokenId: tokenIdOf(token), tokenHash: hashToken(token) };
}
