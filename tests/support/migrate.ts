import { execFileSync } from "node:child_process";

// `prisma migrate deploy` into one database, as DATABASE_URL's role (it then
// owns the tables). Plain Node: the integration tests' global setup uses it.

export const PRISMA_ENV = { PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" };

export function migrate(url: string): void {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, ...PRISMA_ENV, DATABASE_URL: url, MIGRATION_DATABASE_URL: url },
    stdio: "pipe",
  });
}

/** `base` (a server's URL) pointing at database `name`. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
