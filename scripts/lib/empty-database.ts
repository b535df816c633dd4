// Empties every table but Prisma's migration history: the embedded test
// database has one database only, so the integration test files and then the
// end-to-end tests reuse it. AuditEvent and PathwayEvent refuse TRUNCATE by
// trigger: as their owner this disables the triggers for the TRUNCATE, inside
// one transaction (the app's role, owning nothing, could not).
import pg from "pg";
import { z } from "zod";
import { parseRows } from "../../src/server/sql-rows";

export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const statement = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'";
    const rows = parseRows(z.object({ tablename: z.string() }), (await client.query(statement)).rows, statement);
    if (!rows.length) return;
    const tables = rows.map((r) => `"${r.tablename}"`);
    await client.query(
      [
        "BEGIN",
        ...tables.map((t) => `ALTER TABLE ${t} DISABLE TRIGGER USER`),
        `TRUNCATE ${tables.join(", ")} CASCADE`,
        ...tables.map((t) => `ALTER TABLE ${t} ENABLE TRIGGER USER`),
        "COMMIT",
      ].join(";\n"),
    );
  } finally {
    await client.end();
  }
}
