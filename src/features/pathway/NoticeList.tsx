import type { Notice } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";

export function NoticeList({ notices }: { notices: Notice[] }) {
  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading" className="text-lg font-semibold">Oppmerksomheter</h2>
      {notices.length === 0 ? (
        <p className="mt-2 text-sm">Ingen oppmerksomheter: kodingen ser riktig ut.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {notices.map((n, i) => (
            <li key={`${n.id}-${n.eventId ?? i}`} className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
              <span className="font-medium">{n.message}</span>
              <span className="block text-sm">
                Gjelder {formatNorwegianDate(n.date)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
