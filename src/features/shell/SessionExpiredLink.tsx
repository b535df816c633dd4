"use client";
import { loginUrlFor } from "@/lib/callback-url";
import { SESSION_EXPIRED } from "@/lib/session-expired";

// Shown under a form's message when its server action found no live session
// (logged out elsewhere, idle too long). The form keeps what was typed: the
// login opens in a new tab and comes back to this page there (callbackUrl),
// and the form here can be sent again once logged in. `then` replaces that
// last sentence where nothing was typed (a page that follows a running job).
const FORM_KEPT = "– det du har skrevet, er tatt vare på her. Send skjemaet på nytt når du har logget inn.";

export function SessionExpiredLink({ code, then = FORM_KEPT }: { code: string | undefined | null; then?: string }) {
  if (code !== SESSION_EXPIRED) return null;
  const href = loginUrlFor(`${window.location.pathname}${window.location.search}`);
  return (
    <span className="mt-1 block text-sm">
      <a href={href} target="_blank" rel="noopener" className="font-medium text-blue-800 underline">
        Logg inn igjen (åpnes i ny fane)
      </a>{" "}
      {then}
    </span>
  );
}
