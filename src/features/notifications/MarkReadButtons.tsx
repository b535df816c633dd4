"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { markAllNotificationsReadAction, markNotificationReadAction, type NotificationActionResult } from "./actions";

// Mark read: one item, or all. The page (and the header's count) refresh after.

function useMark() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<NotificationActionResult>) =>
    startTransition(async () => {
      const outcome = await action();
      setMessage(outcome.message);
      if (outcome.ok) router.refresh();
    });
  return { message, pending, run };
}

export function MarkReadButton({ pathwayId, itemKey, dueOn, label }: { pathwayId: string; itemKey: string; dueOn: string; label: string }) {
  const { pending, run, message } = useMark();
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
      <span role="status" className="sr-only">{message}</span>
    </span>
  );
}

export function MarkAllReadButton() {
  const { pending, run, message } = useMark();
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        disabled={pending}
        className="rounded bg-blue-800 px-3 py-1 font-semibold text-white hover:bg-blue-900 disabled:opacity-60"
        onClick={() => run(() => markAllNotificationsReadAction({ all: true }))}
      >
        Merk alle som lest
      </button>
      <p role="status" className="text-sm">{message}</p>
    </div>
  );
}
