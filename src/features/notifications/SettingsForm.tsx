"use client";
import { useState, useTransition } from "react";
import type { NotificationKind } from "@/domain/notifications";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { saveNotificationSettingsAction } from "./actions";

interface Settings {
  digestEnabled: boolean;
  digestTime: string;
  digestKinds: NotificationKind[];
  horizonDays: number;
}

export function SettingsForm({ initial, kinds, digestAvailable, maxHorizon }: { initial: Settings; kinds: { kind: NotificationKind; label: string }[]; digestAvailable: boolean; maxHorizon: number }) {
  const [values, setValues] = useState<Settings>(initial);
  const [horizon, setHorizon] = useState(String(initial.horizonDays));
  const [message, setMessage] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const outcome = await saveNotificationSettingsAction({ ...values, horizonDays: horizon as unknown as number });
      setMessage(outcome.message);
      setCode(outcome.ok ? null : outcome.code);
      setErrors(outcome.ok ? {} : outcome.fieldErrors);
    });
  return (
    <form
      className="mt-4 space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div>
        <label htmlFor="horizonDays" className="block font-semibold">Horisont for frister (dager)</label>
        <p id="horizonDays-help" className="text-sm text-slate-700">Frister som forfaller innen så mange dager, og alle som er passert, blir varsler.</p>
        <input
          id="horizonDays"
          type="number"
          min={0}
          max={maxHorizon}
          value={horizon}
          onChange={(e) => setHorizon(e.target.value)}
          aria-describedby="horizonDays-help horizonDays-error"
          className="mt-1 w-24 rounded border border-slate-400 px-2 py-1"
        />
        <p id="horizonDays-error" className="text-sm text-red-900">{errors.horizonDays?.join(" ")}</p>
      </div>
      <fieldset className="space-y-2 rounded border border-slate-200 p-3">
        <legend className="px-1 font-semibold">Daglig e-post</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={values.digestEnabled && digestAvailable} disabled={!digestAvailable} onChange={(e) => setValues({ ...values, digestEnabled: e.target.checked })} />
          Send meg en daglig e-post med antall varsler
        </label>
        <div>
          <label htmlFor="digestTime" className="block">Klokkeslett (norsk tid)</label>
          <input
            id="digestTime"
            type="time"
            value={values.digestTime}
            disabled={!digestAvailable}
            onChange={(e) => setValues({ ...values, digestTime: e.target.value })}
            aria-describedby="digestTime-error"
            className="mt-1 rounded border border-slate-400 px-2 py-1"
          />
          <p id="digestTime-error" className="text-sm text-red-900">{errors.digestTime?.join(" ")}</p>
        </div>
        <fieldset>
          <legend>Ta med</legend>
          {kinds.map(({ kind, label }) => (
            <label key={kind} className="flex items-center gap-2">
              <input
                type="checkbox"
                disabled={!digestAvailable}
                checked={values.digestKinds.includes(kind)}
                onChange={(e) => setValues({ ...values, digestKinds: e.target.checked ? [...values.digestKinds, kind] : values.digestKinds.filter((k) => k !== kind) })}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1 font-semibold text-white hover:bg-blue-900 disabled:opacity-60">
          Lagre
        </button>
        <p role="status">
          {message}
          <SessionExpiredLink code={code} />
        </p>
      </div>
    </form>
  );
}
