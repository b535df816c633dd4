// Embedded PostgreSQL for `npm start` and `npm test` when no DATABASE_URL is
// given: PGlite (PostgreSQL in WebAssembly) behind a Postgres wire-protocol
// socket on 127.0.0.1, so pg, Prisma and psql connect to it normally.
// Prints "READY <url>" when it accepts connections; SIGINT/SIGTERM close it
// cleanly so the data on disk stays consistent.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const dataDir = process.env.EMBEDDED_DB_DIR ?? ".data/pglite";
const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);

async function main() {
  if (dataDir !== "memory") mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === "memory" ? undefined : dataDir);
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 100 });
  await server.start();
  console.log(`READY postgresql://postgres@127.0.0.1:${port}/postgres`);

  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
  process.on("disconnect", close);
}

main().catch((error) => {
  console.error("Klarte ikke å starte den innebygde databasen:", error instanceof Error ? error.message : error);
  process.exit(1);
});
