"use client";
import { useState, useTransition } from "react";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import type { AdminResult } from "./actions";

// Pieces the administration's forms share: running an action with its result
// kept for the form, a field's messages, and a password shown once.

export function useAdminAction() {
  const [result, setResult] = useState<AdminResult | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<AdminResult>, after?: (r: AdminResult) => void) =>
    startTransition(async () => {
      const r = await call();
      setResult(r);
      after?.(r);
    });
  return { result, pending, run, failure: result && !result.ok ? result : null };
}

export const inputClass = "mt-1 block w-full rounded border border-slate-400 px-3 py-1";
export const buttonClass = "rounded bg-blue-700 px-3 py-1 font-semibold text-white disabled:opacity-60";

export function FieldMessage({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return <p id={id} className="mt-1 text-sm text-red-900">{messages.join(" ")}</p>;
}

/** The form's outcome: the refusal (with its session link) or the confirmation, and a password shown once. */
export function ResultMessage({ result }: { result: AdminResult | null }) {
  if (!result) return null;
  if (!result.ok) {
    const general = result.fieldErrors._?.join(" ") ?? result.message;
    return (
      <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-red-900">
        {general}
        <SessionExpiredLink code={result.code} />
      </p>
    );
  }
  return (
    <div role="status" className="mt-3 rounded border border-green-300 bg-green-50 p-2">
      <p>{result.message}</p>
      {result.password && (
        <p className="mt-1">
          Passord: <code data-testid="one-time-password" className="rounded bg-white px-2 py-0.5 font-mono text-lg">{result.password}</code>
        </p>
      )}
    </div>
  );
}
