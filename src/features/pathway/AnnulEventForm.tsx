"use client";
import { useEffect, useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { CodePreview } from "./CodePreview";
import { annulEventAction, previewReplacementAction, type PreviewResult } from "./code-actions";

/**
 * Annul a wrong event with a reason, optionally registering the right code in
 * the same step. The replacement gets the same preview and justification rule
 * as a new code (judged with the wrong event already annulled).
 */
export function AnnulEventForm({ pathwayId, eventId, eventDate }: { pathwayId: string; eventId: string; eventDate: string }) {
  const router = useRouter();
  const id = useId();
  const [reason, setReason] = useState("");
  const [replace, setReplace] = useState(false);
  const [code, setCode] = useState("");
  const [date, setDate] = useState(eventDate);
  const [justification, setJustification] = useState("");
  // the preview answers one choice (code and date); shown only while that choice stands
  const [answered, setAnswered] = useState<{ choice: string; result: PreviewResult } | null>(null);
  const choice = `${code}|${date}`;
  const preview = replace && answered?.choice === choice ? answered.result : null;
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  // what the replacement would do, asked again whenever it changes
  useEffect(() => {
    if (!replace || code.trim() === "" || date === "") return;
    let current = true;
    const timer = setTimeout(() => {
      previewReplacementAction(eventId, { replacement: { code, date } }).then((result) => {
        if (current) setAnswered({ choice: `${code}|${date}`, result });
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [eventId, replace, code, date]);

  const needsJustification = replace && ((preview?.ok && preview.needsJustification) || failure?.code === "justification_required");
  const previewFailure = preview && !preview.ok ? preview : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await annulEventAction(pathwayId, eventId, {
        reason,
        replacement: replace ? { code, date, justification: justification || null } : null,
      });
      if (result.ok) {
        setFailure(null);
        router.refresh();
      } else {
        const fields = Object.values(result.fieldErrors).flat();
        setFailure({ code: result.code, message: [result.message, ...fields].join(" ") });
      }
    });
  }

  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-blue-800 underline">Annuller / korriger</summary>
      <form onSubmit={submit} className="mt-2 space-y-2 rounded border border-slate-200 p-3">
        <div>
          <label htmlFor={`${id}-reason`} className="block font-medium">
            Hvorfor annulleres koden?
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            maxLength={1000}
            required
            className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          Registrer riktig kode i samme steg
        </label>
        {replace && (
          <div className="flex flex-wrap gap-3">
            <div>
              <label htmlFor={`${id}-code`} className="block font-medium">
                Riktig kode (f.eks. CP eller D11CP)
              </label>
              <input
                id={`${id}-code`}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                className="mt-1 w-40 rounded border border-slate-400 px-2 py-1 font-mono uppercase"
              />
            </div>
            <div>
              <label htmlFor={`${id}-date`} className="block font-medium">
                Dato
              </label>
              <input
                id={`${id}-date`}
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
                className="mt-1 rounded border border-slate-400 px-2 py-1"
              />
            </div>
          </div>
        )}
        <div aria-live="polite">
          {replace && preview?.ok && <CodePreview prefix="Riktig kode: " summary={preview.summary} warnings={preview.warnings} cautions={preview.cautions} />}
          {replace && previewFailure && !failure && (
            <p className="text-red-900">
              {[previewFailure.message, ...Object.values(previewFailure.fieldErrors).flat()].join(" ")}
              <SessionExpiredLink code={previewFailure.code} />
            </p>
          )}
        </div>
        {needsJustification && (
          <div>
            <label htmlFor={`${id}-justification`} className="block font-medium">
              Begrunnelse for riktig kode (påkrevd)
            </label>
            <textarea
              id={`${id}-justification`}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              rows={2}
              maxLength={2000}
              className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
            />
          </div>
        )}
        {failure && (
          <p role="alert" className="text-red-900">
            {failure.message}
            <SessionExpiredLink code={failure.code} />
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded bg-red-800 px-3 py-1 font-semibold text-white hover:bg-red-900 disabled:opacity-60">
          {pending ? "Annullerer …" : "Annuller koden"}
        </button>
      </form>
    </details>
  );
}
