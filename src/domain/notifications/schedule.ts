import { TZDate } from "@date-fns/tz";

// When a user's digest is due, and how a failed send is retried. Pure: the
// instant is a parameter.

export const DIGEST_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "HH:MM" on the Oslo clock at `now`. */
export function osloTimeOf(now: Date): string {
  const oslo = new TZDate(now, "Europe/Oslo");
  return `${String(oslo.getHours()).padStart(2, "0")}:${String(oslo.getMinutes()).padStart(2, "0")}`;
}

/** Due from the chosen time (Oslo) until the end of that Oslo day. */
export function digestDue(digestTime: string, now: Date): boolean {
  return osloTimeOf(now) >= digestTime;
}

/** Waits after the 1st, 2nd, 3rd failed try; after the last try the delivery is FAILED. */
export const DIGEST_RETRY_MINUTES = [1, 5, 30] as const;
export const DIGEST_MAX_ATTEMPTS = DIGEST_RETRY_MINUTES.length + 1;

/** null: no more tries. */
export function nextAttemptAt(attemptsMade: number, now: Date): Date | null {
  if (attemptsMade >= DIGEST_MAX_ATTEMPTS) return null;
  const minutes = DIGEST_RETRY_MINUTES[attemptsMade - 1] ?? DIGEST_RETRY_MINUTES[DIGEST_RETRY_MINUTES.length - 1];
  return new Date(now.getTime() + minutes * 60_000);
}
