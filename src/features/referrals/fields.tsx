import type { ReactNode } from "react";
import type { ActionFailure } from "@/server/actions/result";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";

// Labels, inputs and their server-side messages for the referral forms: each
// message is tied to its field (aria-describedby), the summary on top says
// what went wrong (an ended session with its login link back to this page).

export const inputClass = "mt-1 w-full rounded border border-slate-400 px-3 py-2";

export function fieldError(failure: ActionFailure | null, field: string) {
  const messages = failure?.fieldErrors[field];
  return messages?.length ? { id: `${field.replace(".", "-")}-error`, text: messages.join(" ") } : null;
}

export function Field({
  label, name, failure, hint, children,
}: { label: string; name: string; failure: ActionFailure | null; hint?: string; children: (describedBy: string | undefined) => ReactNode }) {
  const error = fieldError(failure, name);
  const hintId = hint ? `${name.replace(".", "-")}-hint` : undefined;
  const describedBy = [hintId, error?.id].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className="block font-medium">{label}</label>
      {hint && <p id={hintId} className="text-sm text-slate-700">{hint}</p>}
      {children(describedBy)}
      {error && <p id={error.id} className="mt-1 text-sm text-red-900">{error.text}</p>}
    </div>
  );
}

export function FailureSummary({ failure, children }: { failure: ActionFailure | null; children?: ReactNode }) {
  if (!failure) return null;
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
      <p className="font-medium">
        {failure.message}
        <SessionExpiredLink code={failure.code} />
      </p>
      {children}
    </div>
  );
}
