import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// One PrismaClient per process (Next dev reloads modules; keep it on globalThis),
// created on first use so that `next build` never needs a database.
// pg's pool reconnects by itself when PostgreSQL comes back after an outage.
const globalForPrisma = globalThis as unknown as { forlopsvaktPrisma?: PrismaClient };

export function createPrismaClient(connectionString = process.env.DATABASE_URL): PrismaClient {
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // PostgreSQL's JIT spends seconds compiling report queries that run in
    // milliseconds on their indexes; this is an OLTP application.
    options: "-c jit=off",
  });
  return new PrismaClient({ adapter });
}

function client(): PrismaClient {
  globalForPrisma.forlopsvaktPrisma ??= createPrismaClient();
  return globalForPrisma.forlopsvaktPrisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

export type Db = PrismaClient;
/** A client or an interactive-transaction client. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0] | PrismaClient;
