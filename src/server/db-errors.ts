// Recognises "the database is not there" among the errors Prisma and pg throw,
// so that callers answer 503 instead of 500. A statement cancelled by its time
// limit (57014: the database is overloaded or the row is locked for long) is
// also worth trying again later, and so is an answer that never came (pg's
// read timeout: a stalled link, see db-timeouts.ts) or a session PostgreSQL
// ended for idling in a transaction (25P03).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "57014", "25P03"]);
// Raw queries fail with P2010; the driver adapter's error says why in `kind`.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

type ErrorLike = { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as ErrorLike | undefined, depth = 0; e && depth < 6; depth++) {
    if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    const message = e instanceof Error ? e.message : "";
    if (/ECONNREFUSED|Connection terminated|connect ETIMEDOUT|timeout exceeded when trying to connect|Query read timeout/i.test(message)) return true;
    e = (e.meta?.driverAdapterError ?? e.cause) as ErrorLike | undefined;
  }
  return false;
}

/** A unique-constraint violation: Prisma's P2002 from model queries, the adapter's kind from raw ones, pg's SQLSTATE. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as ErrorLike | undefined;
  if (e?.code === "P2002" || e?.code === "23505") return true;
  const cause = (e?.meta?.driverAdapterError as ErrorLike | undefined)?.cause as ErrorLike | undefined;
  return e?.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
}
