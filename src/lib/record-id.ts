import { z } from "@/lib/zod";

// Record ids are cuids or uuids. Anything else arriving in a URL or a server
// action (a NUL byte, a path, a huge string, an object such as {"not": "x"})
// cannot name a record and must not reach the database.
export const RECORD_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export function isRecordId(value: string): boolean {
  return RECORD_ID_PATTERN.test(value);
}

/** A record id as a server action or a body field: a string of the id shape, else `message`. */
export function recordIdSchema(message: string) {
  return z.string({ error: message }).refine(isRecordId, message);
}
