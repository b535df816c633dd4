"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { undoPostponementAction } from "./actions";
import { announceWorklistChange } from "./WorklistAnnouncer";

// Takes one postponement back. A refusal stays beside the button; a success
// is announced above the list, which refreshes without the row.

export function UndoPostponementButton({ pathwayId, itemKey, patientName }: { pathwayId: string; itemKey: string; patientName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        className="rounded border border-blue-700 px-2 py-0.5 font-semibold text-blue-800 hover:bg-blue-50 disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            const outcome = await undoPostponementAction({ pathwayId, itemKey });
            if (outcome.ok) {
              setError(null);
              announceWorklistChange(outcome.message);
              router.refresh();
            } else {
              setError([outcome.message, ...Object.values(outcome.fieldErrors).flat()].join(" "));
            }
          })
        }
      >
        Angre utsettelse<span className="sr-only"> for {patientName}</span>
      </button>
      <p role="status" className="text-sm text-red-900">{error}</p>
    </div>
  );
}
