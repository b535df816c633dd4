"use client";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { CodePreview } from "./CodePreview";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import type { CatalogueCode, SuggestedCode } from "./code-catalogue";
import { readCodeEntry } from "@/domain/pathway-page/code-entry";
import type { PathwayType } from "@/domain/rules";
import { previewCodeAction, registerCodeAction, type PreviewResult } from "./code-actions";

interface Props {
  pathwayId: string;
  pathwayType: PathwayType;
  today: string;
  suggestions: SuggestedCode[];
  catalogue: CatalogueCode[];
}

/**
 * Register a code after a session: the codes that make sense next come first
 * (from the rules engine); the rest are under "Andre koder". Before saving, the
 * form shows what the event will do and asks for a justification when needed.
 * A code can also be typed whole: "CP", or the procedure code "D11CP".
 */
export function RegisterCodeForm({ pathwayId, pathwayType, today, suggestions, catalogue }: Props) {
  const router = useRouter();
  const formId = useId();
  const [letter, setLetter] = useState("");
  const [outcome, setOutcome] = useState("");
  const [date, setDate] = useState(today);
  const [justification, setJustification] = useState("");
  // the typed code ("D11CP"), and why it cannot be used (shown once the field is left)
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string | null>(null);
  // A preview answers one choice (code, outcome, date): shown only while that
  // choice stands, so a changed choice never shows the last one's answer.
  const [answer, setAnswer] = useState<{ choice: string; result: PreviewResult } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const idempotencyKey = useRef(newKey());
  const justificationRef = useRef<HTMLTextAreaElement>(null);

  const selected = useMemo(() => catalogue.find((c) => c.letter === letter) ?? null, [catalogue, letter]);
  // U's outcome is its activity (its activity code)
  const input = { code: letter, outcome: outcome.trim().toUpperCase() || null, date, justification: justification || null };
  const choice = `${letter}\u0000${outcome}\u0000${date}`;
  const preview = answer?.choice === choice ? answer.result : null;
  const setPreview = (result: PreviewResult | null) => setAnswer(result && { choice, result });

  // Ask the server what this event would do whenever the choice changes.
  useEffect(() => {
    if (!letter || (selected?.requiresOutcome && !outcome)) return;
    let current = true;
    previewCodeAction(pathwayId, { ...input, justification: null }).then((result) => {
      if (current) setAnswer({ choice, result });
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathwayId, letter, outcome, date]);

  function choose(code: string, chosenOutcome?: string) {
    setLetter(code);
    setOutcome(chosenOutcome ?? "");
    setSaved(null);
    setTyped("");
    setTypedError(null);
  }

  /** Reads the typed code as the rules engine does; the choice follows it while it is valid. */
  function typeCode(text: string) {
    setTyped(text);
    setTypedError(null);
    setSaved(null);
    const entry = readCodeEntry(text, pathwayType);
    setLetter(entry?.ok ? entry.letter : "");
    setOutcome(entry?.ok ? (entry.outcome ?? "") : "");
  }

  /** Why the typed code cannot be used, or null. */
  function checkTyped(): string | null {
    const entry = readCodeEntry(typed, pathwayType);
    const error = entry && !entry.ok ? entry.error : null;
    setTypedError(error);
    return error;
  }

  function save(event: React.FormEvent) {
    event.preventDefault();
    if (checkTyped()) return;
    // refused before saving: an event that carries an outcome counts for nothing without it
    if (selected?.requiresOutcome && !input.outcome) {
      const what = selected.letter === "U" ? "Velg en aktivitet" : "Velg et utfall";
      setPreview({ ok: false, code: "validation_failed", message: `${what} før du lagrer.`, fieldErrors: { outcome: [`${selected.label} krever ${selected.letter === "U" ? "en aktivitet" : "et utfall"}.`] } });
      return;
    }
    startTransition(async () => {
      const result = await registerCodeAction(pathwayId, { ...input, idempotencyKey: idempotencyKey.current });
      if (result.ok) {
        setSaved(result.duplicate ? "Koden er allerede registrert." : `Koden er lagret. ${result.summary}`);
        setLetter("");
        setOutcome("");
        setJustification("");
        setTyped("");
        setPreview(null);
        idempotencyKey.current = newKey();
        router.refresh();
      } else {
        setPreview(result);
        if (result.code === "justification_required") justificationRef.current?.focus();
      }
    });
  }

  const failure = preview && !preview.ok ? preview : null;
  const needsJustification = (preview?.ok && preview.needsJustification) || failure?.code === "justification_required";
  const errorsFor = (field: string) => failure?.fieldErrors[field] ?? [];

  return (
    <section aria-labelledby={`${formId}-heading`} className="rounded border border-blue-200 bg-white p-4">
      <h2 id={`${formId}-heading`} className="text-lg font-semibold">Registrer kode</h2>
      <form onSubmit={save} className="mt-3 space-y-4">
        <fieldset>
          <legend className="font-medium">Foreslått neste kode</legend>
          {suggestions.length === 0 ? (
            <p className="text-sm">Forløpet venter ikke på flere koder.</p>
          ) : (
            <div className="mt-2 flex flex-wrap gap-2">
              {suggestions.map((s) => {
                const active = s.code === letter && (s.outcome ?? "") === outcome;
                return (
                  <button
                    key={`${s.code}${s.outcome ?? ""}`}
                    type="button"
                    aria-pressed={active}
                    onClick={() => choose(s.code, s.outcome)}
                    className={`rounded border px-3 py-2 text-left text-sm ${active ? "border-blue-800 bg-blue-700 text-white" : "border-slate-400 bg-white hover:bg-blue-50"}`}
                  >
                    <span className="font-mono font-semibold">
                      {s.code}
                      {s.outcome ?? ""}
                    </span>{" "}
                    {s.label}
                  </button>
                );
              })}
            </div>
          )}
        </fieldset>

        <div>
          <label htmlFor={`${formId}-typed`} className="block font-medium">
            Skriv koden
          </label>
          <p id={`${formId}-typed-hint`} className="text-sm text-slate-700">
            Hendelse og utfall, f.eks. CP, eller prosedyrekoden med forløpstype, f.eks. {pathwayType}CP.
          </p>
          <input
            id={`${formId}-typed`}
            value={typed}
            maxLength={8}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => typeCode(e.target.value.toUpperCase())}
            onBlur={() => checkTyped()}
            aria-invalid={typedError ? true : undefined}
            aria-describedby={`${formId}-typed-hint${typedError ? ` ${formId}-typed-error` : ""}`}
            className="mt-1 w-32 rounded border border-slate-400 px-2 py-2 font-mono uppercase"
          />
          {typedError && (
            <p id={`${formId}-typed-error`} role="alert" className="mt-1 text-sm text-red-900">
              {typedError}
            </p>
          )}
        </div>

        <details>
          <summary className="cursor-pointer text-blue-800 underline">Andre koder</summary>
          <div className="mt-2">
            <label htmlFor={`${formId}-code`} className="block text-sm font-medium">
              Hendelse
            </label>
            <select
              id={`${formId}-code`}
              value={letter}
              onChange={(e) => choose(e.target.value)}
              className="mt-1 rounded border border-slate-400 px-2 py-2"
            >
              <option value="">Velg hendelse …</option>
              {catalogue.map((c) => (
                <option key={c.letter} value={c.letter}>
                  {c.letter} – {c.label}
                  {c.confirmed ? "" : " (lokal kode)"}
                </option>
              ))}
            </select>
          </div>
        </details>

        {selected?.requiresOutcome && (
          <fieldset aria-describedby={errorsFor("outcome").length ? `${formId}-outcome-error` : undefined}>
            <legend className="font-medium">
              {selected.letter === "U" ? "Aktivitet" : `Utfall for ${selected.label.toLowerCase()}`}
              {selected.outcomesConfirmed ? "" : " (lokal liste, ikke bekreftet)"}
            </legend>
            {selected.outcomes.length > 0 && (
              <div className="mt-2 grid gap-1 sm:grid-cols-2">
                {selected.outcomes.map((o) => (
                  <label key={o.code} className="flex items-start gap-2 text-sm">
                    <input type="radio" name="outcome" value={o.code} checked={outcome === o.code} onChange={() => { setOutcome(o.code); setTyped(""); }} />
                    <span>
                      <span className="font-mono font-semibold">{o.code}</span> {o.label}
                    </span>
                  </label>
                ))}
              </div>
            )}
            {selected.freeOutcome && (
              <div className="mt-2">
                <label htmlFor={`${formId}-outcome-code`} className="block text-sm">
                  {selected.outcomes.length > 0 ? "Annen kode" : "Kode"} (1–3 bokstaver eller sifre)
                </label>
                <input
                  id={`${formId}-outcome-code`}
                  value={outcome}
                  maxLength={3}
                  onChange={(e) => setOutcome(e.target.value.toUpperCase())}
                  className="mt-1 w-24 rounded border border-slate-400 px-2 py-2 font-mono uppercase"
                />
              </div>
            )}
            <FieldErrors id={`${formId}-outcome-error`} errors={errorsFor("outcome")} />
          </fieldset>
        )}

        <div>
          <label htmlFor={`${formId}-date`} className="block font-medium">
            Dato
          </label>
          <input
            id={`${formId}-date`}
            type="date"
            value={date}
            max={today}
            onChange={(e) => setDate(e.target.value)}
            aria-describedby={errorsFor("date").length ? `${formId}-date-error` : undefined}
            className="mt-1 rounded border border-slate-400 px-2 py-2"
          />
          <FieldErrors id={`${formId}-date-error`} errors={errorsFor("date")} />
        </div>

        <div aria-live="polite" className="min-h-6">
          {preview?.ok && <CodePreview summary={preview.summary} warnings={preview.warnings} cautions={preview.cautions} />}
          {failure && (
            <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
              <p className="font-medium">{failure.message}</p>
              <SessionExpiredLink code={failure.code} />
              <FieldErrors errors={errorsFor("code")} />
            </div>
          )}
          {saved && <p className="rounded border border-green-300 bg-green-50 p-3 text-green-900">{saved}</p>}
        </div>

        {needsJustification && (
          <div>
            <label htmlFor={`${formId}-justification`} className="block font-medium">
              Begrunnelse (påkrevd)
            </label>
            <textarea
              id={`${formId}-justification`}
              ref={justificationRef}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              rows={2}
              maxLength={2000}
              className="mt-1 w-full rounded border border-slate-400 px-2 py-2"
            />
          </div>
        )}

        <button
          type="submit"
          disabled={pending || !letter}
          className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {pending ? "Lagrer …" : "Lagre kode"}
        </button>
        <p className="text-xs text-slate-700">Forløp {pathwayType}. Koden lagres med dato og hvem som registrerte den.</p>
      </form>
    </section>
  );
}

function FieldErrors({ errors, id }: { errors: string[]; id?: string }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-900">
      {errors.join(" ")}
    </p>
  );
}

function newKey(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
