import { formatNorwegianDate, formatOsloDateTime } from "@/lib/dates";
import type { Reconciliation as ReconciliationData } from "@/server/epj-import/reconcile";

// Avstemming: per unit whose codes the EPJ holds, what differs since the last import.

export function Reconciliation({ units }: { units: ReconciliationData[] }) {
  if (!units.length) return null;
  return (
    <section aria-labelledby="reconciliation-heading" className="mt-8 space-y-4">
      <h2 id="reconciliation-heading" className="text-xl font-semibold">Avstemming mot pasientjournalen</h2>
      {units.map((u) => (
        <div key={u.unitId} className="rounded border border-slate-300 p-4">
          <h3 className="font-semibold">{u.unitName} (kodes i pasientjournalen)</h3>
          <p className="mt-1">
            {u.lastImport
              ? `Siste import: ${u.lastImport.fileName}, ${formatOsloDateTime(new Date(u.lastImport.finishedAt))}.`
              : "Ingen import ennå."}
          </p>
          {u.missing.length === 0 && u.registeredHere.length === 0 ? (
            <p className="mt-1">Ingen avvik siden siste import.</p>
          ) : (
            <>
              {u.missing.length > 0 && (
                <div className="mt-2">
                  <h4 className="font-medium">Finnes ikke i siste uttrekk (ikke slettet, se over dem)</h4>
                  <ul className="list-disc pl-6">
                    {u.missing.map((m) => (
                      <li key={`${m.pathwayId}|${m.eventId}`}>Forløp {m.pathwayId}: hendelse {m.eventId}</li>
                    ))}
                  </ul>
                </div>
              )}
              {u.registeredHere.length > 0 && (
                <div className="mt-2">
                  <h4 className="font-medium">Registrert i Forløpsvakt, ikke i pasientjournalen</h4>
                  <ul className="list-disc pl-6">
                    {u.registeredHere.map((e, i) => (
                      <li key={i}>
                        Forløp {e.pathwayKey}: {e.code}
                        {e.outcome ? ` ${e.outcome}` : ""} {formatNorwegianDate(e.date)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          )}
        </div>
      ))}
    </section>
  );
}
