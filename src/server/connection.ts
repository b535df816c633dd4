import "server-only";
import type pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import type { Sql } from "@/server/sql";
import { parseRows } from "@/server/sql-rows";

// One connection of the pool, held for a whole job: a session-level lock
// (pg_advisory_lock) belongs to the connection that took it, so taking it
// through the pool and releasing it through the pool could release it on
// another connection (which fails silently) and leave it held for good on an
// idle one. Everything the job does runs here, in transactions of its own.

export interface Connection extends Sql {
  /** Runs `work` as one transaction on this connection: committed whole or rolled back. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

function connectionOf(client: pg.PoolClient): Connection {
  const send = (query: Prisma.Sql) => client.query({ text: query.text, values: query.values });
  const sql: Sql = {
    rows: async (row, query) => parseRows(row, (await send(query)).rows, query.text),
    run: async (query) => {
      await send(query);
    },
  };
  return {
    ...sql,
    async transaction(work) {
      await client.query("BEGIN");
      try {
        const result = await work(sql);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        // a failed ROLLBACK leaves the connection broken: withConnection closes it
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    },
  };
}

/**
 * Checks one connection out of `pool` for `work`. When `work` fails, the
 * connection is closed rather than returned: whatever it still holds (a lock,
 * an aborted transaction) ends with it.
 */
export async function withConnection<T>(pool: pg.Pool, work: (connection: Connection) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    return await work(connectionOf(client));
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.release(failed);
  }
}

/** `count` connections of `pool` for `work` at once, each as withConnection gives it. */
export async function withConnections<T>(pool: pg.Pool, count: number, work: (connections: Connection[]) => Promise<T>): Promise<T> {
  const take = (held: Connection[]): Promise<T> =>
    held.length === count ? work(held) : withConnection(pool, (connection) => take([...held, connection]));
  return take([]);
}
