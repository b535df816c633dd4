// Runs a TypeScript CLI (`npm run import`, `npm run export`) against the
// database: DATABASE_URL, else the embedded database of a running `npm start`,
// else the embedded database's data directory, started here for the run.
// Exits with the CLI's own exit code.
import { spawn } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import { ROOT, startEmbeddedDatabase, stopChildren } from "./common.mjs";

export async function runDatabaseCli(script) {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
  const listening = () =>
    new Promise((resolve) => {
      const socket = connect({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });

  const env = { ...process.env };
  if (!env.DATABASE_URL) {
    env.DATABASE_PREPARED_STATEMENTS = "off";
    if (await listening()) env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    else {
      const dataDir = process.env.FORLOPSVAKT_DATA_DIR ?? join(ROOT, ".data");
      env.DATABASE_URL = (await startEmbeddedDatabase({ dataDir: join(dataDir, "pglite"), port })).url;
    }
  }
  const child = spawn(join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", script, ...process.argv.slice(2)], { cwd: ROOT, env, stdio: "inherit" });
  const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  await stopChildren();
  process.exit(code);
}
