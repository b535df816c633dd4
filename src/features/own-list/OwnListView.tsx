"use client";
import { useState, useTransition } from "react";
import { DEADLINE_LABELS, PHASE_LABELS, type DeadlineKind, type Phase } from "@/domain/rules";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import type { OwnPathwayRow } from "@/server/pathways/own-list";
import { daysLeftText } from "@/domain/deadline-text";
import { TONE_CLASSES } from "@/features/pathway/tone-classes";
import { searchOwnPathwaysAction } from "./actions";
import { ListLink } from "@/features/shell/ListLink";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";

// The list and its search. The search runs on the server (all of the
// clinician's pathways, not only the 200 shown) through a server action.

export function OwnListView({ initialRows, today }: { initialRows: OwnPathwayRow[]; today: IsoDate }) {
  const [rows, setRows] = useState(initialRows);
  const [q, setQ] = useState("");
  const [searched, setSearched] = useState("");
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function search(query: string) {
    startTransition(async () => {
      const result = await searchOwnPathwaysAction({ q: query });
      if (result.ok) {
        setRows(result.rows);
        setSearched(query.trim());
        setError(null);
      } else {
        setError({ code: result.code, message: [result.message, ...Object.values(result.fieldErrors).flat()].join(" ") });
      }
    });
  }

  return (
    <>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          search(q);
        }}
        className="mt-4 flex flex-wrap items-end gap-2"
      >
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Søk på navn eller siste siffer i fødselsnummer
          </label>
          <input id="q" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} className="mt-1 w-72 rounded border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
          Søk
        </button>
        {searched && (
          <button
            type="button"
            onClick={() => {
              setQ("");
              search("");
            }}
            className="px-2 py-2 text-blue-800 underline"
          >
            Nullstill søk
          </button>
        )}
      </form>
      <p role="status" className="mt-2 text-sm text-slate-700">
        {pending ? "Søker …" : searched ? `${rows.length} treff på «${searched}».` : ""}
      </p>
      {error && (
        <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {error.message}
          <SessionExpiredLink code={error.code} />
        </p>
      )}
      {rows.length === 0 ? (
        <p className="mt-6">{searched ? "Ingen av dine pasienter passer søket." : "Du har ingen åpne forløp der du er ansvarlig behandler."}</p>
      ) : (
        <OwnListTable rows={rows} today={today} />
      )}
    </>
  );
}

function OwnListTable({ rows, today }: { rows: OwnPathwayRow[]; today: IsoDate }) {
  return (
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
          const status = daysLeftText(row.nextDeadlineDue, today);
          return (
            <tr key={row.id} className="border-b border-slate-200">
              <td className="p-2">
                <ListLink href={`/forlop/${row.id}`} className="font-medium text-blue-800 underline">
                  {row.patientName}
                </ListLink>
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
  );
}
