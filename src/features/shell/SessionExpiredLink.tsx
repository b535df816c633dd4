"use client";
import { loginUrlFor } from "@/lib/callback-url";
import { SESSION_EXPIRED } from "@/lib/session-expired";

// Shown under a form's message when its server action found no live session
// (logged out elsewhere, idle too long). The form keeps what was typed: the
// login opens in a new tab and comes back to this page there (callbackUrl),
// and the form here can be sent again once logged in.
export function SessionExpiredLink({ code }: { code: string | undefined | null }) {
  if (code !== SESSION_EXPIRED) return null;
  const href = loginUrlFor(`${window.location.pathname}${window.location.search}`);
  return (
    <span className="mt-1 block text-sm">
      <a href={href} target="_blank" rel="noopener" className="font-medium text-blue-800 underline">
        Logg inn igjen (åpnes i ny fane)
      </a>{" "}
      – det du har skrevet, er tatt vare på her. Send skjemaet på nytt når du har logget inn.
    </span>
  );
}
