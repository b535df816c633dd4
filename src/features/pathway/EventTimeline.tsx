import { describeEvent } from "./event-text";
import { formatNorwegianDate, toIsoDate } from "@/lib/dates";
import { AnnulEventForm } from "./AnnulEventForm";

interface TimelineEvent {
  id: string;
  code: string;
  outcome: string | null;
  activityCode: string | null;
  clinicalDate: Date;
  recordedAt: Date;
  justification: string | null;
  annulledAt: Date | null;
  annulReason: string | null;
  replacesId: string | null;
  recordedBy: { name: string };
  annulledBy: { name: string } | null;
}

import { timestamp } from "./timestamp";

export function EventTimeline({ pathwayId, events, canAnnul }: { pathwayId: string; events: TimelineEvent[]; canAnnul: boolean }) {
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading" className="text-lg font-semibold">Hendelser</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm">Ingen koder er registrert ennå.</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {events.map((e) => (
            <li key={e.id} className="rounded border border-slate-200 bg-white p-3">
              <div className={e.annulledAt ? "text-slate-600 line-through" : ""}>
                <span className="font-mono font-semibold">{formatNorwegianDate(e.clinicalDate)}</span>{" "}
                <span className="font-medium">{describeEvent(e.code, e.outcome)}</span>
                {e.activityCode && <span> · aktivitet {e.activityCode}</span>}
              </div>
              <p className="text-sm text-slate-700">
                Registrert {timestamp.format(e.recordedAt)} av {e.recordedBy.name}
                {e.replacesId && " · erstatter en annullert hendelse"}
              </p>
              {e.justification && <p className="text-sm">Begrunnelse: {e.justification}</p>}
              {e.annulledAt && (
                <p className="text-sm font-medium text-red-900">
                  Annullert {timestamp.format(e.annulledAt)} av {e.annulledBy?.name ?? "ukjent"}: {e.annulReason}
                </p>
              )}
              {canAnnul && !e.annulledAt && <AnnulEventForm pathwayId={pathwayId} eventId={e.id} eventDate={toIsoDate(e.clinicalDate)} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
