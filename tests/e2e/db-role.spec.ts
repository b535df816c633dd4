import { expect, test } from "@playwright/test";
import pg from "pg";

// The server under test connects to PostgreSQL as the app's own role, which
// `npm test` and CI create (scripts/lib/db-roles.mjs): it owns no table, so
// it cannot drop or disable the triggers that keep the audit log and the
// coded events append-only. DATABASE_URL here is the server's
// (playwright.config.ts hands it on). Run by hand, give it the app role's URL
// too. The embedded database has one role only: skipped there.

test.skip(process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1", "the embedded database keeps one role");

test("the server's database role owns nothing and cannot disable the audit triggers", async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows: [role] } = await client.query(`
      SELECT current_user::text AS name, r.rolsuper AS superuser,
        (SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = r.oid) AS owned
      FROM pg_roles r WHERE r.rolname = current_user`);
    expect(role, `the server connects as ${role.name}`).toMatchObject({ superuser: false, owned: 0 });
    const attempt = (sql: string) => client.query(sql).then(() => "succeeded", (e: Error) => e.message);
    expect(await attempt(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`)).toMatch(/must be owner/);
    expect(await attempt(`TRUNCATE "PathwayEvent"`)).toMatch(/permission denied/);
  } finally {
    await client.end();
  }
});
