"use client";
import { useId, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { assignClinicianAction, explainNoticeAction, postponeItemAction, type RowActionResult } from "./actions";
import { announceWorklistChange } from "./WorklistAnnouncer";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";

// The actions on one worklist row, folded away so the list stays scannable.
// A refused form says why in its own live region; a done one is announced
// above the list (WorklistAnnouncer) and the list refreshes.

export interface RowActionsProps {
  pathwayId: string;
  itemKey: string;
  isNotice: boolean;
  patientName: string;
  clinicianId: string | null;
  clinicians: { id: string; name: string }[];
  allowed: { assign: boolean; explain: boolean; postpone: boolean; code: boolean };
  tomorrow: string;
}

export function useRowAction() {
  const router = useRouter();
  const [result, setResult] = useState<RowActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  function submit(action: () => Promise<RowActionResult>, onDone?: () => void) {
    startTransition(async () => {
      const outcome = await action();
      if (outcome.ok) {
        setResult(null);
        onDone?.();
        announceWorklistChange(outcome.message);
        router.refresh();
      } else {
        setResult(outcome);
      }
    });
  }
  // failures stay with the row (nothing changed); successes are announced above the list
  const message = result && !result.ok ? [result.message, ...Object.values(result.fieldErrors).flat()].join(" ") : null;
  return { submit, pending, message, failed: message !== null, code: result && !result.ok ? result.code : null };
}

export function Status({ message, failed, code = null }: { message: string | null; failed: boolean; code?: string | null }) {
  return (
    <p role="status" className={`text-sm ${failed ? "text-red-900" : "text-green-900"}`}>
      {message}
      <SessionExpiredLink code={code} />
    </p>
  );
}

export const BUTTON = "rounded bg-blue-700 px-3 py-1 font-semibold text-white hover:bg-blue-800 disabled:opacity-60";
export const BUTTON_OUTLINE = "rounded border border-blue-700 px-2 py-0.5 font-semibold text-blue-800 hover:bg-blue-50 disabled:opacity-60";
export const FIELD = "mt-1 w-full rounded border border-slate-400 px-2 py-1";

function AssignForm({ pathwayId, clinicianId, clinicians, patientName }: RowActionsProps) {
  const id = useId();
  const [value, setValue] = useState(clinicianId ?? "");
  const { submit, pending, message, failed, code } = useRowAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(() => assignClinicianAction({ pathwayId, clinicianId: value }));
      }}
      className="space-y-1"
    >
      <label htmlFor={`${id}-clinician`} className="block font-medium">
        Ansvarlig behandler for {patientName}
      </label>
      <select id={`${id}-clinician`} value={value} onChange={(e) => setValue(e.target.value)} className={FIELD}>
        <option value="">Ingen ansvarlig behandler</option>
        {clinicians.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className={BUTTON}>
        Lagre behandler
      </button>
      <Status message={message} failed={failed} code={code} />
    </form>
  );
}

function ExplainForm({ pathwayId, itemKey }: RowActionsProps) {
  const id = useId();
  const [justification, setJustification] = useState("");
  const { submit, pending, message, failed, code } = useRowAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(() => explainNoticeAction({ pathwayId, noticeKey: itemKey, justification }));
      }}
      className="space-y-1"
    >
      <label htmlFor={`${id}-why`} className="block font-medium">
        Forklaring på oppmerksomheten
      </label>
      <textarea id={`${id}-why`} value={justification} onChange={(e) => setJustification(e.target.value)} rows={2} maxLength={1000} required className={FIELD} />
      <button type="submit" disabled={pending} className={BUTTON}>
        Marker som forklart
      </button>
      <Status message={message} failed={failed} code={code} />
    </form>
  );
}

function PostponeForm({ pathwayId, itemKey, tomorrow }: RowActionsProps) {
  const id = useId();
  const [until, setUntil] = useState(tomorrow);
  const [reason, setReason] = useState("");
  const { submit, pending, message, failed, code } = useRowAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(() => postponeItemAction({ pathwayId, itemKey, until, reason }));
      }}
      className="space-y-1"
    >
      <label htmlFor={`${id}-until`} className="block font-medium">
        Utsett til
      </label>
      <input id={`${id}-until`} type="date" min={tomorrow} value={until} onChange={(e) => setUntil(e.target.value)} required className={FIELD} />
      <label htmlFor={`${id}-reason`} className="block font-medium">
        Hvorfor utsettes raden?
      </label>
      <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required className={FIELD} />
      <button type="submit" disabled={pending} className={BUTTON}>
        Utsett
      </button>
      <Status message={message} failed={failed} code={code} />
    </form>
  );
}

export function RowActions(props: RowActionsProps) {
  const { allowed } = props;
  // The forms exist only while the row's actions are open: 50 rows each with a
  // select of every clinician in a large unit made the page ~700 kB of HTML.
  const [open, setOpen] = useState(false);
  if (!allowed.assign && !allowed.explain && !allowed.postpone && !allowed.code) return <span className="text-slate-700">–</span>;
  return (
    <details className="text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-blue-800 underline">
        Handlinger<span className="sr-only"> for {props.patientName}</span>
      </summary>
      {open && (
        <div className="mt-2 w-72 space-y-3 rounded border border-slate-300 bg-white p-3">
          {allowed.code && (
            <Link href={`/forlop/${props.pathwayId}#registrer-kode`} className="block font-medium text-blue-800 underline">
              Registrer kode
            </Link>
          )}
          {allowed.explain && props.isNotice && <ExplainForm {...props} />}
          {allowed.assign && <AssignForm {...props} />}
          {allowed.postpone && <PostponeForm {...props} />}
        </div>
      )}
    </details>
  );
}
