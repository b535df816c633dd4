import "server-only";
import { prisma } from "@/server/db";
import { LOGIN_ATTEMPT_RETENTION_DAYS } from "./settings";

// Login attempts are kept for LOGIN_ATTEMPT_RETENTION_DAYS, the limiters'
// counters until an hour after they expire. Deleted on the login path itself
// (no job to install): at most once an hour per server process, by the login
// that comes along; both deletes use an index on the time.

const EVERY_MS = 60 * 60 * 1000;
let lastPruned = Number.NEGATIVE_INFINITY;

async function pruneLoginRecords(now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * 86_400_000);
  await prisma.$transaction([
    prisma.loginAttempt.deleteMany({ where: { at: { lt: cutoff } } }),
    prisma.loginRateLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime() - EVERY_MS) } } }),
  ]);
}

/** Prunes when this process has not done so for an hour; a failure is logged and tried again an hour later. */
export async function pruneLoginRecordsIfDue(now: Date): Promise<void> {
  if (now.getTime() - lastPruned < EVERY_MS) return;
  lastPruned = now.getTime();
  try {
    await pruneLoginRecords(now);
  } catch (error) {
    console.error("[forløpsvakt] Sletting av gamle innloggingsforsøk feilet:", error instanceof Error ? error.name : typeof error);
  }
}
