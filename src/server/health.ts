import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { prisma } from "@/server/db";

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
export async function healthResponse(db: PrismaClient = prisma): Promise<Response> {
  if (await databaseAnswers(db)) return Response.json({ status: "ok" });
  return Response.json(
    { status: "unavailable", error: "database_unavailable", message: "Databasen svarer ikke. Prøv igjen om litt." },
    { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
  );
}
