// Next.js calls register() once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.FORLOPSVAKT_NIGHTLY === "off") return;
  const { scheduleNightlyRecompute } = await import("@/server/jobs/nightly");
  scheduleNightlyRecompute();
}
