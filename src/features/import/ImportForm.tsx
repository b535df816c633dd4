"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionFailure } from "@/server/actions/result";
import { FailureSummary, inputClass } from "@/features/referrals/fields";
import { planImportAction, startImportAction, type PlanView } from "./actions";
import { RefusedTable } from "./RefusedTable";

// Upload, dry run, confirm. The chosen file stays in the page (not in a form
// that React would reset), so "Importer" sends the very bytes the plan was
// made from; the server checks that by their SHA-256.

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportForm({ units }: { units: { id: string; name: string }[] }) {
  const router = useRouter();
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const [migrate, setMigrate] = useState(false);

  const showPlan = () =>
    startTransition(async () => {
      setPlan(null);
      if (!file) {
        setFailure({ ok: false, code: "no_file", message: "Velg en fil.", fieldErrors: {} });
        return;
      }
      const result = await planImportAction({ unitId, fileName: file.name, content: await base64Of(file) });
      if (result.ok) {
        setFailure(null);
        setPlan(result.plan);
      } else setFailure(result);
    });

  const confirm = () =>
    startTransition(async () => {
      if (!file || !plan) return;
      const result = await startImportAction({ unitId, fileName: file.name, content: await base64Of(file), sha256: plan.sha256, migrate });
      if (result.ok) router.push(`/import?jobb=${result.jobId}`);
      else setFailure(result);
    });

  const c = plan?.counts;
  return (
    <div className="mt-6 space-y-5">
      <FailureSummary failure={failure} />
      <form
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          showPlan();
        }}
        noValidate
      >
        <div>
          <label htmlFor="unitId" className="block font-medium">Enhet</label>
          <select id="unitId" value={unitId} onChange={(e) => { setUnitId(e.target.value); setPlan(null); }} className={inputClass}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="file" className="block font-medium">Uttrekk (CSV)</label>
          <input id="file" type="file" accept=".csv,text/csv" className={inputClass} onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPlan(null); }} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60">
            Vis plan (tørrkjøring)
          </button>
        </div>
      </form>

      {plan && c && (
        <section aria-labelledby="plan-heading" className="space-y-4 rounded border border-slate-300 p-4">
          <h2 id="plan-heading" className="text-xl font-semibold">Plan for importen (ingenting er lagret ennå)</h2>
          <p className="font-medium">{c.eventsCreated} nye, {c.eventsCorrected} endret, {c.eventsUnchanged} uendret.</p>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-4">
            <dt>Nye pasienter i enheten</dt><dd>{c.patientsCreated}</dd>
            <dt>Nye henvisninger</dt><dd>{c.referralsCreated}</dd>
            <dt>Nye forløp</dt><dd>{c.pathwaysCreated}</dd>
            <dt>Avviste rader</dt><dd>{c.rowsRefused}</dd>
            <dt>Finnes ikke i uttrekket</dt><dd>{c.missingFromFile}</dd>
          </dl>
          <table className="w-full text-left text-sm">
            <caption className="text-left font-semibold">Forløp i filen</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-3">Forløp (EPJ)</th>
                <th scope="col" className="pr-3">Hva skjer</th>
                <th scope="col" className="pr-3">Nye</th>
                <th scope="col" className="pr-3">Korrigert</th>
                <th scope="col">Uendret</th>
              </tr>
            </thead>
            <tbody>
              {plan.pathways.map((p) => (
                <tr key={p.externalId} className="border-t border-slate-200">
                  <td className="pr-3">{p.externalId}</td>
                  <td className="pr-3">{p.action}</td>
                  <td className="pr-3">{p.added}</td>
                  <td className="pr-3">{p.corrected}</td>
                  <td>{p.unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <RefusedTable refused={plan.refused} />
          {plan.missing.length > 0 && (
            <div>
              <h3 className="font-semibold">Finnes ikke i uttrekket (slettes ikke, se over dem)</h3>
              <ul className="list-disc pl-6">
                {plan.missing.map((m) => (
                  <li key={`${m.pathwayId}|${m.eventId}`}>Forløp {m.pathwayId}: hendelse {m.eventId}</li>
                ))}
              </ul>
            </div>
          )}
          {plan.notices.length > 0 && (
            <div>
              <h3 className="font-semibold">Oppmerksomheter etter importen</h3>
              <ul className="list-disc pl-6">
                {plan.notices.map((n, i) => (
                  <li key={i}>Forløp {n.pathwayId}: {n.message}</li>
                ))}
              </ul>
            </div>
          )}
          {plan.codesRecordedIn === "FORLOPSVAKT" && (
            <div className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
              <p>Enheten koder pakkeforløp i Forløpsvakt. Et uttrekk fra pasientjournalen importeres dit bare som en engangs overføring av eldre koder.</p>
              <label className="mt-2 flex items-center gap-2 font-medium">
                <input type="checkbox" checked={migrate} onChange={(e) => setMigrate(e.target.checked)} />
                Engangs overføring til en enhet som koder i Forløpsvakt
              </label>
            </div>
          )}
          <button type="button" onClick={confirm} disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60">
            Importer
          </button>
        </section>
      )}
    </div>
  );
}
