"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { DURATION_FIELDS, DURATION_LABELS, WORKLIST_FIELDS, WORKLIST_LABELS } from "@/server/rule-tables/schema";
import { addRuleTableVersionAction, type AddVersionResult } from "./actions";
import type { RuleTableKind } from "./labels";

// A new version of one rule table row: prefilled with the version in force
// today, saved as a new row (never an edit) with its effective date, source
// and reason.

export interface RowChoice {
  id: string;
  kind: RuleTableKind;
  key: string;
  label: string;
  confirmed: boolean;
  value: Record<string, unknown>;
}

const input = "mt-1 w-full rounded border border-slate-500 bg-white px-2 py-1 text-slate-900";

function initialFields(choice: RowChoice | undefined): Record<string, string> {
  if (!choice) return {};
  const v = choice.value;
  switch (choice.kind) {
    case "DURATION": {
      const durations = (v.durations ?? {}) as Record<string, number>;
      return Object.fromEntries(DURATION_FIELDS.map((f) => [f, durations[f] === undefined ? "" : String(durations[f])]));
    }
    case "EVENT_LETTER":
      return { label: String(v.label ?? "") };
    case "OUTCOME_LIST": {
      const values = v.values as { code: string; label: string }[] | null;
      return { values: values ? values.map((x) => `${x.code} – ${x.label}`).join("\n") : "" };
    }
    case "WORKLIST":
      return Object.fromEntries(WORKLIST_FIELDS.map((f) => [f, String(v[f] ?? "")]));
  }
}

export function AddVersionForm({ choices }: { choices: RowChoice[] }) {
  const router = useRouter();
  const [choiceId, setChoiceId] = useState(choices[0]?.id ?? "");
  const choice = choices.find((c) => c.id === choiceId);
  const [fields, setFields] = useState<Record<string, string>>(() => initialFields(choice));
  const [confirmed, setConfirmed] = useState(choice?.confirmed ?? false);
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [source, setSource] = useState("");
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<AddVersionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const failure = result && !result.ok ? result : null;
  const errorsOf = (name: string) => failure?.fieldErrors[name] ?? [];

  function choose(id: string) {
    const next = choices.find((c) => c.id === id);
    setChoiceId(id);
    setFields(initialFields(next));
    setConfirmed(next?.confirmed ?? false);
    setResult(null);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!choice) return;
    const common = { key: choice.key, effectiveFrom, source, reason };
    const payload =
      choice.kind === "DURATION"
        ? { kind: choice.kind, ...common, confirmed, durations: Object.fromEntries(DURATION_FIELDS.map((f) => [f, fields[f] ?? ""])) }
        : choice.kind === "EVENT_LETTER"
          ? { kind: choice.kind, ...common, confirmed, label: fields.label ?? "" }
          : choice.kind === "OUTCOME_LIST"
            ? { kind: choice.kind, ...common, confirmed, values: fields.values ?? "" }
            : { kind: choice.kind, ...common, key: "worklist" as const, thresholds: Object.fromEntries(WORKLIST_FIELDS.map((f) => [f, fields[f] ?? ""])) };
    startTransition(async () => {
      const outcome = await addRuleTableVersionAction(payload as Parameters<typeof addRuleTableVersionAction>[0]);
      setResult(outcome);
      if (outcome.ok) {
        setEffectiveFrom("");
        setSource("");
        setReason("");
        router.refresh();
      }
    });
  }

  const field = (name: string, label: string, element: (describedBy: string | undefined) => React.ReactNode) => {
    const errors = errorsOf(name);
    const errorId = `rv-${name.replace(".", "-")}-feil`;
    return (
      <div key={name}>
        <label htmlFor={`rv-${name.replace(".", "-")}`} className="block font-medium">
          {label}
        </label>
        {element(errors.length ? errorId : undefined)}
        {errors.length > 0 && (
          <p id={errorId} className="mt-1 text-sm text-red-800">
            {errors.join(" ")}
          </p>
        )}
      </div>
    );
  };
  const numberField = (group: "durations" | "thresholds", name: string, label: string) =>
    field(`${group}.${name}`, `${label} (dager)`, (describedBy) => (
      <input
        id={`rv-${group}-${name}`}
        type="number"
        min={1}
        max={365}
        inputMode="numeric"
        value={fields[name] ?? ""}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
        aria-invalid={describedBy ? true : undefined}
        aria-describedby={describedBy}
        className={input}
      />
    ));

  return (
    <section aria-labelledby="ny-versjon" className="mt-10 max-w-3xl rounded border border-slate-300 bg-white p-4">
      <h2 id="ny-versjon" className="text-xl font-semibold">
        Legg til ny versjon
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Den nye versjonen gjelder fra datoen du velger; eldre versjoner blir stående. Alle forløp regnes om etterpå.
      </p>
      <form onSubmit={submit} noValidate className="mt-3 space-y-3">
        <div>
          <label htmlFor="rv-rad" className="block font-medium">
            Tabell og rad
          </label>
          <select id="rv-rad" value={choiceId} onChange={(e) => choose(e.target.value)} className={input}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {choice?.kind === "DURATION" && (
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="font-medium">Forløpstider (tomt felt: ingen slik frist)</legend>
            {DURATION_FIELDS.map((f) => numberField("durations", f, DURATION_LABELS[f]))}
          </fieldset>
        )}
        {choice?.kind === "WORKLIST" && (
          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="font-medium">Terskler (lokale regler)</legend>
            {WORKLIST_FIELDS.map((f) => numberField("thresholds", f, WORKLIST_LABELS[f]))}
          </fieldset>
        )}
        {choice?.kind === "EVENT_LETTER" &&
          field("label", "Navn på hendelsen", (describedBy) => (
            <input id="rv-label" value={fields.label ?? ""} onChange={(e) => setFields({ ...fields, label: e.target.value })} maxLength={200} aria-invalid={describedBy ? true : undefined} aria-describedby={describedBy} className={input} />
          ))}
        {choice?.kind === "OUTCOME_LIST" &&
          field("values", "Utfall, ett per linje («KODE – navn»); tom liste: 1–3 bokstaver eller sifre godtas", (describedBy) => (
            <textarea id="rv-values" rows={4} value={fields.values ?? ""} onChange={(e) => setFields({ ...fields, values: e.target.value })} aria-invalid={describedBy ? true : undefined} aria-describedby={describedBy} className={input} />
          ))}
        {choice && choice.kind !== "WORKLIST" && (
          <div className="flex items-center gap-2">
            <input id="rv-confirmed" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="h-4 w-4" />
            <label htmlFor="rv-confirmed">Bekreftet i offisiell kilde (ellers vises verdiene som «ikke bekreftet»)</label>
          </div>
        )}
        {field("effectiveFrom", "Gyldig fra", (describedBy) => (
          <input id="rv-effectiveFrom" type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} aria-invalid={describedBy ? true : undefined} aria-describedby={describedBy} className={input} />
        ))}
        {field("source", "Kilde", (describedBy) => (
          <input id="rv-source" value={source} onChange={(e) => setSource(e.target.value)} maxLength={300} aria-invalid={describedBy ? true : undefined} aria-describedby={describedBy} className={input} />
        ))}
        {field("reason", "Hvorfor", (describedBy) => (
          <textarea id="rv-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} aria-invalid={describedBy ? true : undefined} aria-describedby={describedBy} className={input} />
        ))}
        <div aria-live="polite">
          {failure && (
            <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900">
              {failure.message}
              <SessionExpiredLink code={failure.code} />
            </p>
          )}
          {result?.ok && <p className="rounded border border-green-300 bg-green-50 p-2">{result.message}</p>}
        </div>
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? "Lagrer …" : "Lagre ny versjon"}
        </button>
      </form>
    </section>
  );
}
