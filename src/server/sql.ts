import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import type { z } from "@/lib/zod";
import { pgPool, type Tx } from "./db";
import { env } from "./env";
import { parseRows, type RowSchema } from "./sql-rows";

// Where raw SQL runs: a Prisma client or transaction, or a pg connection of
// the same pool. The hottest paths (who is signed in, the worklist page,
// registering an event) use pg directly: a statement through Prisma's raw
// query costs ~0.65 ms of CPU against ~0.15 ms through pg (measured). Both
// give the same rows for the column types those queries return (text, int4,
// bool, json, text[]); dates and timestamps are formatted in SQL, and counts
// (int8: a bigint through Prisma, a string through pg) become numbers in the
// row's schema (sql-rows.ts).

export interface Sql {
  /** The statement's rows, each checked against `row` (sql-rows.ts): a row of another shape throws, naming the column. */
  rows<S extends RowSchema>(row: S, query: Prisma.Sql): Promise<z.output<S>[]>;
  /** A statement whose rows nobody reads (writes, locks). */
  run(query: Prisma.Sql): Promise<void>;
}

/**
 * `prepared`: as a named prepared statement, parsed and planned once per
 * connection (planning the registration's write took 2.6 ms of PostgreSQL's
 * CPU per call). Only for statements of a fixed shape with plans that do not
 * depend on the values (lookups by key); not behind a transaction-mode pooler.
 */
export function viaPg(pool: pg.Pool | pg.PoolClient, options: { prepared?: boolean } = {}): Sql {
  const send = (query: Prisma.Sql) => {
    const text = query.text;
    const config = options.prepared && PREPARED_ALLOWED ? { name: statementName(text), text, values: query.values } : { text, values: query.values };
    return pool.query(config);
  };
  return {
    rows: async (row, query) => parseRows(row, (await send(query)).rows, query.text),
    run: async (query) => {
      await send(query);
    },
  };
}

// Off for the embedded database (PGlite: every connection shares one session,
// so a statement prepared on one "connection" already exists on the next) and
// for transaction-mode poolers.
export const PREPARED_ALLOWED = env("DATABASE_PREPARED_STATEMENTS");

const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `fv_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

function viaPrisma(tx: Tx): Sql {
  return {
    rows: async (row, query) => parseRows(row, await tx.$queryRaw<unknown[]>(query), query.text),
    run: async (query) => {
      await tx.$queryRaw(query);
    },
  };
}

/** Either kind of handle as an Sql. */
export function sqlOf(db: Tx | Sql): Sql {
  return "rows" in db ? db : viaPrisma(db);
}

/** Statements without a transaction, on the app's pool. */
export function pooled(options: { prepared?: boolean } = {}): Sql {
  return viaPg(pgPool(), options);
}

/**
 * Statements in sequence on one connection of the app's pool, without a
 * transaction: one checkout for several small statements (the header's
 * count), so that a busy pool is waited for once, not before each.
 */
export async function onePooledConnection<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  let failure: Error | undefined;
  try {
    return await work(viaPg(client));
  } catch (error) {
    // a connection that failed a statement is not given back (it may be broken)
    failure = error instanceof Error ? error : new Error("statement failed");
    throw error;
  } finally {
    client.release(failure);
  }
}

