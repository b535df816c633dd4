import { requestErrorLine } from "@/lib/error-reference";
import { noteRequestError } from "@/server/request-outcome";

// Next.js calls register() once when the server starts: a bad setting stops
// the process here, with an error naming the variable (src/server/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnv, env } = await import("@/server/env");
  try {
    checkEnv();
    // the single sign-on settings taken together, and the client's private key (HelseID)
    const { clientSigningKey, ssoSettings } = await import("@/server/auth/sso-settings");
    const sso = ssoSettings();
    if (sso?.clientAuth.method === "private_key_jwt") await clientSigningKey(sso.clientAuth.jwk);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // the daily e-mail digest (off without SMTP_URL)
  const { scheduleDigests } = await import("@/server/jobs/digest");
  scheduleDigests();
  if (!env("FORLOPSVAKT_NIGHTLY")) return;
  const { scheduleNightlyRecompute } = await import("@/server/jobs/nightly");
  scheduleNightlyRecompute();
}

// Next.js calls this with every error a request did not handle: a page that
// failed because the database is down answers 503 (see src/server/request-outcome.ts),
// and every one is logged with the reference the error page shows (app/error.tsx).
export function onRequestError(error: unknown, request: unknown, context: { routePath?: string } | undefined): void {
  noteRequestError(error);
  console.error(requestErrorLine(error, context?.routePath));
}
