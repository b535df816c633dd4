"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { explainNoticeOnPathwayAction, type ExplainResult } from "./notice-actions";

/** Explain one notice from the pathway page: why the coding is right as it is (the notice stays in reports). */
export function ExplainNoticeForm({ pathwayId, noticeKey }: { pathwayId: string; noticeKey: string }) {
  const router = useRouter();
  const id = useId();
  const [justification, setJustification] = useState("");
  const [result, setResult] = useState<ExplainResult | null>(null);
  const [pending, startTransition] = useTransition();
  const failure = result && !result.ok ? result : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await explainNoticeOnPathwayAction({ pathwayId, noticeKey, justification });
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });
  }

  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-blue-800 underline">Forklar oppmerksomheten</summary>
      <form onSubmit={submit} className="mt-2 space-y-2">
        <div>
          <label htmlFor={`${id}-justification`} className="block font-medium">
            Hvorfor er kodingen riktig slik den er?
          </label>
          <textarea
            id={`${id}-justification`}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
            rows={2}
            maxLength={1000}
            aria-describedby={failure ? `${id}-error` : undefined}
            className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1 text-slate-900"
          />
        </div>
        <div aria-live="polite">
          {failure && (
            <p id={`${id}-error`} role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
              {[failure.message, ...Object.values(failure.fieldErrors).flat()].join(" ")}
              <SessionExpiredLink code={failure.code} />
            </p>
          )}
          {result?.ok && <p>{result.message}</p>}
        </div>
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-3 py-1 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? "Lagrer …" : "Lagre forklaring"}
        </button>
      </form>
    </details>
  );
}
