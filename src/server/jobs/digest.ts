import "server-only";
import { today } from "@/server/clock";
import { pgPool, prisma } from "@/server/db";
import { digestConfigFromEnv, runDigestPass } from "@/server/notifications/digest";

// The daily e-mail digest inside the server process, like the nightly
// recompute (nightly.ts): every minute a pass sends the digests whose time of
// day has come and the retries that are due. Each process runs it; the
// advisory lock and the unique (user, day) row keep the mails to one each.
// Without SMTP_URL it never starts.

const CHECK_EVERY_MS = 60 * 1000;
let timer: NodeJS.Timeout | undefined;

export function scheduleDigests(): void {
  const config = digestConfigFromEnv();
  if (timer || !config) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runDigestPass(pgPool(prisma), { day: today(), now: new Date(), config });
    } catch (error) {
      // the database may be down; the next tick tries again (no patient data in the log)
      console.error("[forløpsvakt] Daglig e-post: kjøringen feilet:", error instanceof Error ? error.name : typeof error);
    } finally {
      running = false;
    }
  };
  timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
}
