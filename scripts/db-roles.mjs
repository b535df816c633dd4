// `npm run db:roles`: gives the app's database role (the user of DATABASE_URL,
// created when missing) its access, connected as the owner of the tables
// (MIGRATION_DATABASE_URL). Run it once after the first `prisma migrate
// deploy`: later migrations by the same owner are covered by default privileges.
// `npm run db:roles -- --print` prints the SQL instead, for an operator to
// review or run with psql (the role itself is then created by hand).
import { ensureAppRole, grantStatements } from "./lib/db-roles.mjs";

const appUrl = process.env.DATABASE_URL;
const ownerUrl = process.env.MIGRATION_DATABASE_URL;
if (!appUrl || !ownerUrl) {
  console.error("Sett DATABASE_URL (appens rolle) og MIGRATION_DATABASE_URL (eieren av tabellene).");
  process.exit(1);
}
const role = decodeURIComponent(new URL(appUrl).username);
if (process.argv.includes("--print")) {
  const database = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
  console.log(`-- CREATE ROLE "${role}" LOGIN PASSWORD '...' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;`);
  for (const sql of grantStatements(role, database)) console.log(`${sql};`);
} else {
  await ensureAppRole(ownerUrl, { role });
  console.log(`Rollen ${role} har appens tilganger (ingen eierskap).`);
}
