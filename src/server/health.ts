import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import type { Reply } from "@/server/api/operation";
import type { healthOperation } from "./health.operation";

/** True when the database answers a trivial query within the timeout. */
async function databaseAnswers(db: PrismaClient, timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** GET /api/health: 200 {"status":"ok"} or 503 with a clear body (the app's own database unless one is given). */
export async function health(db: PrismaClient = prisma): Promise<Reply<typeof healthOperation>> {
  if (await databaseAnswers(db)) return { status: 200, body: { status: "ok" } };
  return {
    status: 503,
    body: { status: "unavailable", error: "database_unavailable", message: "Databasen svarer ikke. Prøv igjen om litt." },
    headers: { "Retry-After": "5", "Cache-Control": "no-store" },
  };
}
