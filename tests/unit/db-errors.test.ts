import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "@/server/db-errors";

// "The database is not there" must become 503 whichever way Prisma reports it:
// model queries (P1001 …) and raw queries (P2010 with the driver adapter's kind).
const rawFailure = (kind: string) =>
  Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: Object.assign(new Error("DriverAdapterError"), { cause: { kind } }) } });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["model query, server unreachable", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["raw query, server unreachable", rawFailure("DatabaseNotReachable")],
    ["raw query, connection closed mid-query", rawFailure("ConnectionClosed")],
    ["raw query, socket timeout", rawFailure("SocketTimeout")],
    ["pg error nested as cause", new Error("wrapped", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) })],
    ["server shutting down (57P01)", Object.assign(new Error("terminating connection"), { code: "57P01" })],
    ["pg directly, server unreachable", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["pg directly, connection cut mid-query", new Error("Connection terminated unexpectedly")],
    ["pg directly, pool exhausted while the server is away", new Error("timeout exceeded when trying to connect")],
    ["a statement over its time limit (busy or locked database)", Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" })],
    ["pg directly, no answer within the read timeout (stalled link)", new Error("Query read timeout")],
    ["through Prisma, no answer within the read timeout", Object.assign(new Error("Invalid invocation"), { cause: new Error("Query read timeout") })],
    ["session ended for idling in a transaction (25P03)", Object.assign(new Error("terminating connection due to idle-in-transaction timeout"), { code: "25P03" })],
  ])("%s → unavailable", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["pg directly, unique violation", Object.assign(new Error("duplicate key value"), { code: "23505" })],
    ["raw query, bad column", rawFailure("ColumnNotFound")],
    ["programming error", new TypeError("x is undefined")],
    ["not an error", "oops"],
  ])("%s → not unavailable", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("isUniqueViolation", () => {
  it("recognises model queries (P2002), raw queries (P2010, UniqueConstraintViolation) and pg's SQLSTATE 23505", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(true);
    expect(isUniqueViolation(rawFailure("UniqueConstraintViolation"))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(true);
  });

  it("is not fooled by other raw failures or an outage", () => {
    expect(isUniqueViolation(rawFailure("ForeignKeyConstraintViolation"))).toBe(false);
    expect(isUniqueViolation(rawFailure("DatabaseNotReachable"))).toBe(false);
    expect(isUniqueViolation(new TypeError("x"))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("violates foreign key constraint"), { code: "23503" }))).toBe(false);
  });
});
