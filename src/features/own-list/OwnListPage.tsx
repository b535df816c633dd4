import Link from "next/link";
import { DEADLINE_LABELS, PHASE_LABELS, type DeadlineKind, type Phase } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { listOwnPathways } from "@/server/pathways/own-list";
import { daysLeftText, TONE_CLASSES } from "@/features/pathway/deadline-text";

export async function OwnListPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requirePage("pathway.list.own");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw ?? "").slice(0, 100);
  const rows = await listOwnPathways(actor, { q });
  const now = today();
  return (
    <section>
      <h1 className="text-2xl font-semibold">Mine pasienter</h1>
      <p className="mt-1 text-slate-700">Dine åpne pakkeforløp, de som haster mest først.</p>
      <form role="search" method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Søk på navn eller siste siffer i fødselsnummer
          </label>
          <input id="q" name="q" defaultValue={q} className="mt-1 w-72 rounded border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
          Søk
        </button>
        {q && (
          <Link href="/mine-pasienter" className="px-2 py-2 text-blue-800 underline">
            Nullstill søk
          </Link>
        )}
      </form>
      {rows.length === 0 ? (
        <p className="mt-6">{q ? "Ingen av dine pasienter passer søket." : "Du har ingen åpne forløp der du er ansvarlig behandler."}</p>
      ) : (
        <table className="mt-6 w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Mine åpne forløp, sortert etter frist</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Pasient</th>
              <th scope="col" className="p-2">Fødselsnr.</th>
              <th scope="col" className="p-2">Forløp</th>
              <th scope="col" className="p-2">Fase</th>
              <th scope="col" className="p-2">Neste frist</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Oppmerksomheter</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const status = daysLeftText(row.nextDeadlineDue, now);
              return (
                <tr key={row.id} className="border-b border-slate-200">
                  <td className="p-2">
                    <Link href={`/forlop/${row.id}`} className="font-medium text-blue-800 underline">
                      {row.patientName}
                    </Link>
                  </td>
                  <td className="p-2 font-mono">{row.maskedId}</td>
                  <td className="p-2">{row.type}</td>
                  <td className="p-2">{row.phase ? PHASE_LABELS[row.phase as Phase] ?? row.phase : "–"}</td>
                  <td className="p-2">
                    {row.nextDeadlineKind ? DEADLINE_LABELS[row.nextDeadlineKind as DeadlineKind] ?? row.nextDeadlineKind : "–"}
                    {row.nextDeadlineDue && <span className="block text-slate-700">{formatNorwegianDate(row.nextDeadlineDue)}</span>}
                  </td>
                  <td className="p-2">
                    <span className={`inline-block rounded border px-2 py-0.5 ${TONE_CLASSES[status.tone]}`}>{status.text}</span>
                  </td>
                  <td className="p-2">{row.noticeCount > 0 ? row.noticeCount : "–"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
