// `npm run export -- --unit <enhet> [--from] [--to] [--out]`:
// scripts/epj-export.ts against the database (see lib/database-cli.mjs).
import { runDatabaseCli } from "./lib/database-cli.mjs";

await runDatabaseCli("scripts/epj-export.ts");
