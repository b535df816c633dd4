import "server-only";
import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { pgPool, type Tx } from "./db";

// Where raw SQL runs: a Prisma client or transaction, or a pg connection of
// the same pool. The hottest paths (who is signed in, the worklist page,
// registering an event) use pg directly: a statement through Prisma's raw
// query costs ~0.65 ms of CPU against ~0.15 ms through pg (measured). Both
// give the same rows for the column types those queries return (text, int4,
// bool, json, text[]); dates, timestamps and counts are formatted in SQL.

export interface Sql {
  rows<T>(query: Prisma.Sql): Promise<T[]>;
}

export function viaPg(client: pg.Pool): Sql {
  return { rows: async <T>(query: Prisma.Sql) => (await client.query(query.text, query.values)).rows as T[] };
}

function viaPrisma(tx: Tx): Sql {
  return { rows: <T>(query: Prisma.Sql) => tx.$queryRaw<T[]>(query) };
}

/** Either kind of handle as an Sql. */
export function sqlOf(db: Tx | Sql): Sql {
  return "rows" in db ? db : viaPrisma(db);
}

/** Statements without a transaction, on the app's pool. */
export function pooled(): Sql {
  return viaPg(pgPool());
}
