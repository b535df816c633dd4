import "server-only";
import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";

// Passwords an administrator hands over: generated here, shown once, stored
// only as a bcrypt hash. A user who signs in by single sign-on only gets a
// value that is no bcrypt hash, so no password ever matches it.

/** Stored in place of a hash: no password matches (bcrypt.compare answers false). */
export const NO_PASSWORD = "!sso-only";

// no look-alikes (0/O, 1/l/I): read aloud or typed from a screen
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 16 random characters (~92 bits), in groups of four for reading. */
export function generatePassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

/** No usable password: no hash (null) or the marker above. */
export function isSsoOnly(passwordHash: string | null): boolean {
  return !passwordHash?.startsWith("$2");
}
