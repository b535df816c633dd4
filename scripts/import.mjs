// `npm run import -- <fil.csv> --unit <enhet> [--dry-run] [--format table|json] [--migrate]`:
// scripts/epj-import.ts against the database (see lib/database-cli.mjs).
import { runDatabaseCli } from "./lib/database-cli.mjs";

await runDatabaseCli("scripts/epj-import.ts");
