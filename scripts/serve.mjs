// `npm run serve [-- -p PORT]`: the production server. One Next.js process per
// CPU core (node:cluster, all sharing the port): a single Node process was the
// bottleneck under load while PostgreSQL still had capacity (see README, Ytelse).
// WEB_CONCURRENCY sets the number of processes. The primary only supervises:
// it restarts a worker that dies, after a wait that grows while workers keep
// dying soon after starting (lib/restart-backoff.mjs). A page that fails
// because the database is down answers 503 (lib/database-outage.mjs). Workers get a larger young generation
// (--max-semi-space-size=64): a request allocates much short-lived memory, and
// the default made garbage collection a tenth of the CPU (event registration
// went from 81 to 109 requests/s at 20 users). Needs `npm run build` first.
// SIGTERM/SIGINT stop every process cleanly.
// Each request gets the client's address in an internal header (see
// src/lib/client-address.mjs): the socket's peer, or with TRUST_PROXY_HOPS = n
// the address n entries from the right of X-Forwarded-For; a client-sent value
// of that header is overwritten.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLIENT_IP_FROM_SERVER_ENV, CLIENT_IP_HEADER, clientAddress, parseTrustedProxyHops } from "../src/lib/client-address.mjs";
import { refuseOversizedBody } from "./lib/body-limit.mjs";
import { handleWithOutageStatus } from "./lib/database-outage.mjs";
import { createRestartBackoff } from "./lib/restart-backoff.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const portFlag = process.argv.findIndex((a) => a === "-p" || a === "--port");
const port = Number(portFlag >= 0 ? process.argv[portFlag + 1] : process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
const requested = Number(process.env.WEB_CONCURRENCY);
const workers = Number.isInteger(requested) && requested > 0 ? requested : availableParallelism();

const trustedHops = parseTrustedProxyHops(process.env.TRUST_PROXY_HOPS);

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Ugyldig port: ${port}`);
  process.exit(2);
}
if (trustedHops === null) {
  console.error(`Ugyldig TRUST_PROXY_HOPS: ${process.env.TRUST_PROXY_HOPS} (antall egne proxyer foran appen, 0 uten proxy)`);
  process.exit(2);
}

if (cluster.isPrimary) {
  const ownFlags = /--max-semi-space-size/.test(`${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`);
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...(ownFlags ? [] : ["--max-semi-space-size=64"])] });
  let stopping = false;
  let ready = 0;
  let everReady = false;
  const startedAt = new WeakMap();
  const backoff = createRestartBackoff();
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message !== "ready") return;
      startedAt.set(worker, Date.now());
      everReady = true;
      if (++ready === workers) console.log(`Ready on http://localhost:${port} (${workers} ${workers === 1 ? "prosess" : "prosesser"})`);
    });
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // the first ones never started (no build, port taken): that would fail again, give up; a
    // replacement that dies while starting is one more crash and waits like the others
    if (!everReady) {
      console.error(`Serveren kunne ikke starte (kode ${code ?? signal}). Er appen bygget (npm run build)?`);
      stop();
      process.exitCode = 1;
      return;
    }
    // a process that dies later is replaced, so one crash does not halve capacity for good
    const delay = backoff.delayAfterCrash(startedAt.has(worker) ? Date.now() - startedAt.get(worker) : 0);
    console.error(`Serverprosess ${worker.process.pid} stoppet (${signal ?? code}); starter en ny om ${delay / 1000} s.`);
    if (startedAt.has(worker)) ready--;
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const exitWhenDone = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
    }, 50);
    setTimeout(() => process.exit(), 10_000).unref();
    exitWhenDone.unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  process.env.NODE_ENV = "production";
  process.env[CLIENT_IP_FROM_SERVER_ENV] = "1";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: ROOT, hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedHops);
    if (address) request.headers[CLIENT_IP_HEADER] = address;
    else delete request.headers[CLIENT_IP_HEADER];
    if (refuseOversizedBody(request, response)) return;
    return handleWithOutageStatus(request, response, handle);
  });
  server.listen(port, hostname, () => process.send?.("ready"));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // the primary is gone (killed hard): do not linger as an orphan
  process.on("disconnect", () => process.exit(0));
}
