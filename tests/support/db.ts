import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient } from "../../src/server/db";

// Each integration test file gets its own freshly migrated database on the
// PostgreSQL server of DATABASE_URL, dropped afterwards.

export const PRISMA_ENV = { PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" };

export function migrate(url: string): void {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, ...PRISMA_ENV, DATABASE_URL: url },
    stdio: "pipe",
  });
}

function serverUrl(): URL {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("Integration tests need DATABASE_URL (a PostgreSQL server); npm test sets it.");
  return new URL(base);
}

/** With the embedded database (one database only): reuse it, emptied. */
async function reuseSingleDatabase() {
  const url = serverUrl().toString();
  migrate(url);
  const prisma = createPrismaClient(url, { max: 8 });
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
  return { url, prisma, drop: () => prisma.$disconnect() };
}

export async function createTestDatabase() {
  if (process.env.FORLOPSVAKT_TEST_SINGLE_DB === "1") return reuseSingleDatabase();
  const admin = serverUrl();
  const name = `fv_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  migrate(url.toString());
  const prisma = createPrismaClient(url.toString(), { max: 12 });
  return {
    url: url.toString(),
    prisma,
    async drop() {
      await prisma.$disconnect();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
