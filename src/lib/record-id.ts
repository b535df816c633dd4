// Record ids are cuids or uuids. Anything else arriving in a URL (a NUL byte,
// a path, a huge string) cannot name a record and must not reach the database.
export function isRecordId(value: string): boolean {
  return /^[A-Za-z0-9-]{1,64}$/.test(value);
}
