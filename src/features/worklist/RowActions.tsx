"use client";
import { useId, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { assignClinicianAction, explainNoticeAction, postponeItemAction, type RowActionResult } from "./actions";
import { announceWorklistChange } from "./WorklistAnnouncer";
import { useClinicians } from "./clinicians";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";

// The actions on one worklist row, folded away so the list stays scannable.
// Their forms are made only when the row's menu is opened, from what the list
// already holds: the row, and the list's shared parts (ListActions: what the
// user may do, tomorrow), sent once per page; the assign form asks for the
// units' clinicians when it opens (clinicians.ts).
// A refused form says why in its own live region; a done one is announced
// above the list (WorklistAnnouncer) and the list refreshes.

export type Clinician = { id: string; name: string };

/** What every row's actions share: sent once for the whole list. */
export interface ListActions {
  allowed: { assign: boolean; explain: boolean; postpone: boolean; code: boolean };
  tomorrow: string;
}

/** The row's own facts its actions need. */
export interface ActionRow {
  pathwayId: string;
  itemKey: string;
  isNotice: boolean;
  patient: string;
  clinician: Clinician | null;
  /** the row's unit, when the list spans several (else its only unit) */
  unitId?: string;
  code: boolean;
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

type FormProps = { row: ActionRow; list: ListActions };

function AssignForm({ row }: FormProps) {
  const id = useId();
  const [value, setValue] = useState(row.clinician?.id ?? "");
  const action = useRowAction();
  const { units, failure } = useClinicians(true);
  const { submit, pending } = action;
  // until the list is here the select holds the row's own clinician
  const clinicians = units ? ((row.unitId ? units.find((u) => u.id === row.unitId) : units[0])?.clinicians ?? []) : row.clinician ? [row.clinician] : [];
  const { message, failed, code } = action.failed || !failure ? action : { message: failure.message, failed: true, code: failure.code };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(() => assignClinicianAction({ pathwayId: row.pathwayId, clinicianId: value }));
      }}
      className="space-y-1"
    >
      <label htmlFor={`${id}-clinician`} className="block font-medium">
        Ansvarlig behandler for {row.patient}
      </label>
      <select id={`${id}-clinician`} value={value} onChange={(e) => setValue(e.target.value)} disabled={!units} aria-busy={!units && !failure} className={FIELD}>
        <option value="">Ingen ansvarlig behandler</option>
        {clinicians.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending || !units} className={BUTTON}>
        Lagre behandler
      </button>
      <Status message={message} failed={failed} code={code} />
    </form>
  );
}

function ExplainForm({ row }: FormProps) {
  const id = useId();
  const [justification, setJustification] = useState("");
  const { submit, pending, message, failed, code } = useRowAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(() => explainNoticeAction({ pathwayId: row.pathwayId, noticeKey: row.itemKey, justification }));
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

function PostponeForm({ row, list }: FormProps) {
  const id = useId();
  const [until, setUntil] = useState(list.tomorrow);
  const [reason, setReason] = useState("");
  const { submit, pending, message, failed, code } = useRowAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(() => postponeItemAction({ pathwayId: row.pathwayId, itemKey: row.itemKey, until, reason }));
      }}
      className="space-y-1"
    >
      <label htmlFor={`${id}-until`} className="block font-medium">
        Utsett til
      </label>
      <input id={`${id}-until`} type="date" min={list.tomorrow} value={until} onChange={(e) => setUntil(e.target.value)} required className={FIELD} />
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

export function RowActions({ row, list }: FormProps) {
  const { allowed } = list;
  // The forms exist only while the row's actions are open: 50 rows each with a
  // select of every clinician in a large unit made the page ~700 kB of HTML.
  const [open, setOpen] = useState(false);
  if (!allowed.assign && !allowed.explain && !allowed.postpone && !(allowed.code && row.code)) return <span className="text-slate-700">–</span>;
  return (
    // styled by the list's table (globals.css, table.worklist)
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Handlinger<span className="sr-only">{` for ${row.patient}`}</span>
      </summary>
      {open && (
        <div className="mt-2 w-72 space-y-3 rounded border border-slate-300 bg-white p-3">
          {allowed.code && row.code && (
            <Link href={`/forlop/${row.pathwayId}#registrer-kode`} className="block font-medium text-blue-800 underline">
              Registrer kode
            </Link>
          )}
          {allowed.explain && row.isNotice && <ExplainForm row={row} list={list} />}
          {allowed.assign && <AssignForm row={row} list={list} />}
          {allowed.postpone && <PostponeForm row={row} list={list} />}
        </div>
      )}
    </details>
  );
}
