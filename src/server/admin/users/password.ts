import "server-only";
import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";

// Passwords an administrator hands over: generated here, shown once, stored
// only as a bcrypt hash. A user who signs in by single sign-on only has no
// hash at all (null): the password login refuses such a user before any check.

/** Stored in place of a hash for "bare enkel pålogging": no password login. */
export const NO_PASSWORD = null;

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

/** No usable password: no hash (null), or anything that is no bcrypt hash. */
export function isSsoOnly(passwordHash: string | null): boolean {
  return !passwordHash?.startsWith("$2");
}
