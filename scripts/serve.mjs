// `npm run serve [-- -p PORT]`: the production server. One Next.js process per
// CPU core (node:cluster, all sharing the port): a single Node process was the
// bottleneck under load while PostgreSQL still had capacity (see README, Ytelse).
// WEB_CONCURRENCY sets the number of processes; 1 serves in this process.
// Needs `npm run build` first. SIGTERM/SIGINT stop every process cleanly.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const portFlag = process.argv.findIndex((a) => a === "-p" || a === "--port");
const port = Number(portFlag >= 0 ? process.argv[portFlag + 1] : process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
const requested = Number(process.env.WEB_CONCURRENCY);
const workers = Number.isInteger(requested) && requested > 0 ? requested : availableParallelism();

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Ugyldig port: ${port}`);
  process.exit(2);
}

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  let ready = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message === "ready" && ++ready === workers) console.log(`Ready on http://localhost:${port} (${workers} prosesser)`);
    });
  };
  for (let i = 0; i < workers; i++) fork();
  // a process that dies is replaced, so one crash does not halve capacity for good
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`Serverprosess ${worker.process.pid} stoppet (${signal ?? code}); starter en ny.`);
    ready--;
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const exitWhenDone = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    }, 50);
    setTimeout(() => process.exit(0), 10_000).unref();
    exitWhenDone.unref?.();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: ROOT, hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => handle(request, response));
  server.listen(port, hostname, () => {
    if (cluster.isWorker) process.send?.("ready");
    else console.log(`Ready on http://localhost:${port} (1 prosess)`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // the primary is gone (killed hard): do not linger as an orphan
  if (cluster.isWorker) process.on("disconnect", () => process.exit(0));
}
