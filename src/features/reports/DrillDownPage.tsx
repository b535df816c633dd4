import Link from "next/link";
import { notFound } from "next/navigation";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { drillDown, drillDownPageSchema, drillDownSchema, type DrillDown } from "@/server/reports/drill-down";
import { reportFilterSchema, reportSearchParams, type ReportFilters } from "@/server/reports/filters";
import { countNoun } from "@/domain/reports/compare";
import { drillDownDetail, drillDownTitle } from "@/domain/reports/drill-down-text";
import { ListLink } from "@/features/shell/ListLink";

type SearchParams = Record<string, string | string[] | undefined>;

/** The drill-down's own query in the address (without the page): for its CSV and its page links. */
function queryParams(q: DrillDown): Record<string, string | undefined> {
  const { hva, ...rest } = q;
  return { hva, ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v === undefined ? undefined : String(v)])) };
}

/** The pathways behind a number in the reports; the count is the report's number. */
export async function DrillDownPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("report.view");
  const params = await searchParams;
  const filters = reportFilterSchema.safeParse(params);
  const query = drillDownSchema.safeParse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  // a mangled link: app/rapporter/forlop/not-found.tsx, status 404
  if (!filters.success || !query.success) notFound();
  const now = today();
  const { scope, total, rows, page, pages } = await drillDown(actor, filters.data, query.data, now, drillDownPageSchema.parse(params.side));
  const link = (f: ReportFilters, extra: Record<string, string | undefined>) => reportSearchParams(f, { ...queryParams(query.data), ...extra });
  const pageHref = (n: number) => `/rapporter/forlop?${link(filters.data, { side: n === 1 ? undefined : String(n) })}`;
  const noun = countNoun(query.data.hva, total);
  return (
    <section>
      <Link href={`/rapporter?${reportSearchParams(filters.data)}`} className="no-print text-blue-800 underline">← Tilbake til rapportene</Link>
      <h1 className="mt-2 text-2xl font-semibold">{drillDownTitle(query.data)}</h1>
      <div className="mt-1 flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-slate-700">
          <span data-testid="drill-down-total">{total}</span> <span data-testid="drill-down-noun">{noun}</span> i {scope.period.label} (
          {formatNorwegianDate(scope.period.from)}–{formatNorwegianDate(scope.period.to)})
          {total > 0 && <span data-testid="drill-down-page"> · side {page} av {pages}</span>}.
        </p>
        {total > 0 && (
          <a href={`/rapporter/forlop/eksport?${link(filters.data, {})}`} className="no-print text-sm text-blue-800 underline" download>
            Last ned CSV<span className="sr-only"> med alle {total} {noun}</span>
          </a>
        )}
      </div>
      {rows.length > 0 && (
        <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Pasient</th>
              <th scope="col" className="p-2">Fødselsnr.</th>
              <th scope="col" className="p-2">Enhet</th>
              <th scope="col" className="p-2">Forløp</th>
              <th scope="col" className="p-2">Dato</th>
              <th scope="col" className="p-2">Detaljer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.pathwayId}-${i}`} className="border-b border-slate-200" data-testid="drill-down-row">
                <td className="p-2">
                  <ListLink href={`/forlop/${r.pathwayId}`} className="font-medium text-blue-800 underline">{r.patientName}</ListLink>
                </td>
                <td className="p-2 whitespace-nowrap font-mono">{r.maskedId}</td>
                <td className="p-2">{r.unitName}</td>
                <td className="p-2">{r.type}</td>
                <td className="p-2 whitespace-nowrap">{formatNorwegianDate(r.date)}</td>
                <td className="p-2">{drillDownDetail(query.data.hva, r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Sider" className="no-print mt-3 flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-blue-800 underline">Forrige side<span className="sr-only"> (side {page - 1} av {pages})</span></Link>
          ) : null}
          <span>Side {page} av {pages}</span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="text-blue-800 underline">Neste side<span className="sr-only"> (side {page + 1} av {pages})</span></Link>
          ) : null}
        </nav>
      )}
    </section>
  );
}
