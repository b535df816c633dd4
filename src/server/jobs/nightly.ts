import "server-only";
import { osloDateOf, type IsoDate } from "@/lib/dates";
import { prisma } from "@/server/db";
import { today } from "@/server/clock";
import { recomputeAllDerived } from "@/server/pathways/derived";

// The nightly recompute: the passing of days changes open deadlines, so the
// derived columns and worklist rows are rewritten once per Oslo day. It runs
// inside the server process (no cron to install), at start when the data are
// from an earlier day, and shortly after each Oslo midnight. A PostgreSQL
// advisory lock keeps two server instances from doing the same work.

const LOCK_KEY = 4_207_001; // arbitrary, unique to this job
const CHECK_EVERY_MS = 15 * 60 * 1000;

/** True when some open pathway was last derived before `day`. */
async function isStale(day: IsoDate): Promise<boolean> {
  const stale = await prisma.pathway.findFirst({
    where: { status: "OPEN", OR: [{ derivedOn: null }, { derivedOn: { lt: new Date(`${day}T00:00:00.000Z`) } }] },
    select: { id: true },
  });
  return stale !== null;
}

export async function recomputeIfStale(): Promise<{ pathways: number } | null> {
  const day = today();
  if (!(await isStale(day))) return null;
  const [{ locked }] = await prisma.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`;
  if (!locked) return null;
  try {
    const started = Date.now();
    const result = await recomputeAllDerived(prisma, day, { onlyOpen: true });
    console.log(`[forløpsvakt] Nattlig omberegning for ${day}: ${result.pathways} åpne forløp på ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } finally {
    await prisma.$queryRaw`SELECT pg_advisory_unlock(${LOCK_KEY})`;
  }
}

let timer: NodeJS.Timeout | undefined;

/** Checks every 15 minutes whether the Oslo date has moved on; cheap when it has not. */
export function scheduleNightlyRecompute(): void {
  if (timer) return;
  let lastDay: IsoDate | null = null;
  const tick = async () => {
    const day = osloDateOf(new Date());
    if (day === lastDay) return;
    try {
      await recomputeIfStale();
      lastDay = day;
    } catch (error) {
      // The database may be down; the next tick tries again.
      console.error("[forløpsvakt] Nattlig omberegning feilet:", error instanceof Error ? error.name : typeof error);
    }
  };
  timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  void tick();
}
