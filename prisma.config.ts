// Prisma 6.19 with its WASM schema engine (no Rust binary to download): see
// ../shared/docs/stack.md. `migrate deploy` and `migrate diff` run on the pg
// driver adapter below.
//
// New migration after a schema change (no shadow database needed):
//   npx prisma migrate diff --from-schema-datasource prisma/schema.prisma \
//     --to-schema-datamodel prisma/schema.prisma --script > prisma/migrations/<ts>_<name>/migration.sql
// run against a database migrated to the current state.
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseTimeouts, poolTimeoutOptions } from "./src/server/db-timeouts";

// adapter-pg 6.x cannot decode the catalog types `name` and `"char"` that the
// schema engine reads (prisma/orm#27403): present them as text.
const AS_TEXT: Record<number, number> = { 19: 25, 18: 25, 1003: 1009, 1002: 1009 };

// Migrations run as the owner of the tables, the app as a role that owns
// nothing (scripts/lib/db-roles.mjs): MIGRATION_DATABASE_URL, when set, is the
// owner's connection and stands in for DATABASE_URL in every Prisma CLI command.
if (process.env.MIGRATION_DATABASE_URL) process.env.DATABASE_URL = process.env.MIGRATION_DATABASE_URL;

class CatalogSafePool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (!result || typeof result.then !== "function") return result;
    return result.then((res: pg.QueryResult) => {
      for (const field of res?.fields ?? []) field.dataTypeID = AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
      return res;
    });
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    // a migration may build an index on millions of rows: the job's limits
    const pool = new CatalogSafePool({ connectionString, allowExitOnIdle: true, max: 2, ...poolTimeoutOptions(databaseTimeouts("job")) });
    return new PrismaPg(pool);
  },
});
