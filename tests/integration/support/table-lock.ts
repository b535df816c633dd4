import pg from "pg";

// A read that must never wait for a table: run while another transaction holds
// every lock on it (ACCESS EXCLUSIVE). A read that touches the table waits, and
// is answered "blocked" after 5 s (it finishes once the lock is let go).

export async function whileTableLocked<T>(url: string, table: string, read: () => Promise<T>): Promise<T | "blocked"> {
  const blocker = new pg.Client({ connectionString: url });
  await blocker.connect();
  try {
    await blocker.query(`BEGIN`);
    await blocker.query(`LOCK TABLE "${table.replaceAll('"', '""')}" IN ACCESS EXCLUSIVE MODE`);
    return await Promise.race([read(), new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 5_000))]);
  } finally {
    await blocker.query(`ROLLBACK`);
    await blocker.end();
  }
}
