import Link from "next/link";
import { can } from "@/domain/permissions";
import { formatNorwegianDate } from "@/lib/dates";
import { z } from "@/lib/zod";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { unitOptionsFor } from "@/server/units/options";
import { listPostponed, POSTPONED_LIMIT } from "@/server/worklist/postponed";
import { FilterSelect } from "@/features/shell/FilterSelect";
import { ListLink } from "@/features/shell/ListLink";
import { UndoPostponementButton } from "./UndoPostponementButton";
import { WorklistAnnouncer } from "./WorklistAnnouncer";

// /arbeidsliste/utsatt: the rows a coordinator has put aside, until when, why
// and by whom, each with an undo. They come back to the worklist by
// themselves on their date.

type SearchParams = Record<string, string | string[] | undefined>;

const unitParam = z.preprocess((v) => (Array.isArray(v) ? v[0] : v || undefined), z.string().max(40).regex(/^[a-z0-9-]+$/i).optional()).catch(undefined);

export async function PostponedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("worklist.view");
  const unit = unitParam.parse((await searchParams).enhet);
  const now = today();
  const [units, rows] = await Promise.all([unitOptionsFor(actor), listPostponed(actor, unit, now)]);
  const mayUndo = can(actor.user.role, "worklist.postpone");
  return (
    <section>
      <h1 className="text-2xl font-semibold">Utsatte rader</h1>
      <p className="mt-1 text-slate-700">
        Rader som er satt til side. De kommer tilbake på arbeidslisten av seg selv på datoen de er utsatt til.{" "}
        <Link href="/arbeidsliste" className="text-blue-800 underline">Tilbake til arbeidslisten</Link>
      </p>
      {units.length > 1 && (
        <form method="get" action="/arbeidsliste/utsatt" aria-label="Velg enhet" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
          <FilterSelect id="u-enhet" name="enhet" label="Enhet" value={unit} allLabel="Alle mine enheter" options={units.map((u) => ({ value: u.id, label: u.name }))} />
          <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">Vis</button>
        </form>
      )}
      <WorklistAnnouncer />
      <p data-testid="postponed-total" className="mt-2 font-medium">
        {rows.length} {rows.length === 1 ? "utsatt rad" : "utsatte rader"}
        {rows.length === POSTPONED_LIMIT && <span className="text-slate-700"> (de {POSTPONED_LIMIT} som kommer tilbake først)</span>}
      </p>
      {rows.length === 0 ? (
        <p className="mt-4">Ingen rader er utsatt.</p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Utsatte rader, de som kommer tilbake først øverst</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-1">Utsatt til</th>
              <th scope="col" className="px-2 py-1">Hva er galt</th>
              <th scope="col" className="px-2 py-1">Pasient</th>
              <th scope="col" className="px-2 py-1">Hvorfor</th>
              <th scope="col" className="px-2 py-1">Utsatt av</th>
              {mayUndo && <th scope="col" className="px-2 py-1">Angre</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.pathwayId}|${row.key}`} className="border-b border-slate-200 align-top" data-testid="postponed-row">
                <td className="px-2 py-1 whitespace-nowrap">{formatNorwegianDate(row.until)}</td>
                <td className="px-2 py-1">{row.description}</td>
                <td className="px-2 py-1">
                  <ListLink href={`/forlop/${row.pathwayId}`} className="font-medium text-blue-800 underline">{row.patientName}</ListLink>{" "}
                  <span className="whitespace-nowrap font-mono text-slate-700">{row.maskedId}</span>
                  {units.length > 1 && <span className="text-slate-700"> · {row.unitName}</span>}
                </td>
                <td className="px-2 py-1">{row.why}</td>
                <td className="px-2 py-1">{row.byName}, {formatNorwegianDate(row.at)}</td>
                {mayUndo && (
                  <td className="px-2 py-1">
                    <UndoPostponementButton pathwayId={row.pathwayId} itemKey={row.key} patientName={row.patientName} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
