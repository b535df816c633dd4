import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient } from "../../src/server/db";
import { emptyDatabase } from "../../scripts/lib/empty-database";
import { DEFAULT_APP_ROLE, ensureAppRole } from "../../scripts/lib/db-roles.mjs";
import { migrate } from "./migrate";

// Each integration test file gets its own freshly migrated database on the
// PostgreSQL server of DATABASE_URL, dropped afterwards: a copy of the
// template the global setup migrated once (tests/support/integration-setup.ts),
// or migrated here when there is none. DATABASE_URL's role migrates it and so
// owns its tables; appUrl() gives the URL of the app's own role
// (DATABASE_APP_ROLE, owning nothing) for tests of what that role may do.

function serverUrl(): URL {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("Integration tests need DATABASE_URL (a PostgreSQL server); npm test sets it.");
  return new URL(base);
}

/** The app role's URL for the database of `url`, given its access there. */
function appRoleUrl(url: string): Promise<string> {
  return ensureAppRole(url, { role: process.env.DATABASE_APP_ROLE ?? DEFAULT_APP_ROLE, password: process.env.DATABASE_APP_PASSWORD });
}

/** With the embedded database (one database only, one role): reuse it, emptied. */
async function reuseSingleDatabase() {
  const url = serverUrl().toString();
  migrate(url);
  await emptyDatabase(url);
  const prisma = createPrismaClient(url, { max: 8 });
  return { url, prisma, appUrl: async () => url, drop: () => prisma.$disconnect() };
}

export async function createTestDatabase() {
  if (process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1") return reuseSingleDatabase();
  const admin = serverUrl();
  const name = `fv_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const template = inject("migratedTemplate");
  await client.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  if (!template) migrate(url.toString());
  const prisma = createPrismaClient(url.toString(), { max: 12 });
  return {
    url: url.toString(),
    prisma,
    appUrl: () => appRoleUrl(url.toString()),
    async drop() {
      await prisma.$disconnect();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
