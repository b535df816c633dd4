"use client";
import { useState, useTransition } from "react";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { checkPatientNameAction, type NameCheckResult } from "./name-check-action";

// The coordinator enters the name from the Folkeregister (name-check.ts).
export function NameCheckForm({ pathwayId }: { pathwayId: string }) {
  const [result, setResult] = useState<NameCheckResult | null>(null);
  const [pending, startTransition] = useTransition();
  const failure = result && !result.ok ? result : null;
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-2"
      // onSubmit, not a form action: React would empty the field after the action, and a refusal
      // (an expired session) must leave the typed name in place
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => setResult(await checkPatientNameAction({ pathwayId, name: String(form.get("name") ?? "") })));
      }}
    >
      <div>
        <label htmlFor="checked-name" className="block text-sm font-medium">Navn i folkeregisteret</label>
        <input id="checked-name" name="name" required minLength={2} maxLength={200} autoComplete="off"
          className="mt-1 rounded border border-slate-400 px-3 py-1" aria-describedby={failure ? "checked-name-error" : undefined} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-3 py-1 font-semibold text-white disabled:opacity-60">
        {pending ? "Lagrer …" : "Lagre kontrollert navn"}
      </button>
      {failure && <p id="checked-name-error" className="w-full text-sm text-red-900">{failure.fieldErrors.name?.join(" ") ?? failure.message}<SessionExpiredLink code={failure.code} /></p>}
      {result?.ok && <p role="status" className="w-full text-sm">{result.message}</p>}
    </form>
  );
}
