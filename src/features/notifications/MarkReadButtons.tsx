"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { markAllNotificationsReadAction, markNotificationReadAction, type NotificationActionResult } from "./actions";

// Mark read: one item, or all. The page (and the header's count) refresh after.
// A refusal is shown beside the button (an ended session with its login link).

function useMark() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<NotificationActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<NotificationActionResult>) =>
    startTransition(async () => {
      const result = await action();
      setOutcome(result);
      if (result.ok) router.refresh();
    });
  return { outcome, pending, run };
}

function Outcome({ outcome, quiet }: { outcome: NotificationActionResult | null; quiet?: boolean }) {
  const failed = outcome !== null && !outcome.ok;
  // a done mark on one item is said to screen readers only (the item leaves the list)
  return (
    <span role="status" className={failed ? "block text-sm text-red-900" : quiet ? "sr-only" : "text-sm"}>
      {outcome?.message}
      {failed && <SessionExpiredLink code={outcome.code} />}
    </span>
  );
}

export function MarkReadButton({ pathwayId, itemKey, dueOn, label }: { pathwayId: string; itemKey: string; dueOn: string; label: string }) {
  const { pending, run, outcome } = useMark();
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        className="rounded border border-slate-400 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-60"
        onClick={() => run(() => markNotificationReadAction({ pathwayId, key: itemKey, dueOn }))}
      >
        Merk som lest<span className="sr-only"> ({label})</span>
      </button>
      <Outcome outcome={outcome} quiet />
    </span>
  );
}

export function MarkAllReadButton() {
  const { pending, run, outcome } = useMark();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={pending}
        className="rounded bg-blue-800 px-3 py-1 font-semibold text-white hover:bg-blue-900 disabled:opacity-60"
        onClick={() => run(() => markAllNotificationsReadAction({ all: true }))}
      >
        Merk alle som lest
      </button>
      <Outcome outcome={outcome} />
    </div>
  );
}
