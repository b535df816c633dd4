import { DEADLINE_LABELS } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import { filtersToSearchParams, REASON_FILTERS, type ReasonFilter, type WorklistFilters } from "@/server/worklist/filters";
import type { WorklistSummary as Summary } from "@/server/worklist/query";
import { ListLink } from "@/features/shell/ListLink";
import { referralFiltersToParams } from "@/server/referrals/filters";

const NATIONAL_TARGET = 0.8;

function percent(met: number, total: number): string {
  return total ? `${Math.round((met / total) * 100)} %` : "–";
}

/** Counts per reason (each a link that filters the list) and this month's compliance. */
export function WorklistSummary({ summary, filters }: { summary: Summary; filters: WorklistFilters }) {
  return (
    <section aria-labelledby="summary-heading" className="mt-4 grid gap-4 md:grid-cols-3">
      <div className="rounded border border-slate-300 bg-white p-3 md:col-span-2">
        <h2 id="summary-heading" className="font-semibold">Oversikt innen {filters.horisont} dager</h2>
        <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {(Object.keys(REASON_FILTERS) as ReasonFilter[]).map((slug) => (
            <li key={slug} className="flex justify-between gap-2">
              <ListLink
                href={
                  slug === "henvisning"
                    ? `/henvisninger?${referralFiltersToParams({ enhet: filters.enhet, status: "ikke-vurdert" })}`
                    : `/arbeidsliste?${filtersToSearchParams(filters, { grunn: slug, etter: undefined })}`
                }
                aria-current={filters.grunn === slug ? "true" : undefined}
                className={`text-blue-800 underline ${filters.grunn === slug ? "font-semibold" : ""}`}
              >
                {REASON_FILTERS[slug].label}
              </ListLink>
              <span className="tabular-nums" data-testid={`count-${slug}`}>{summary.byFilter[slug]}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="rounded border border-slate-300 bg-white p-3">
        <h2 className="font-semibold">Innen anbefalt tid denne måneden</h2>
        <p className="text-sm text-slate-700">Fra {formatNorwegianDate(summary.monthStart)}, nasjonalt mål 80 %</p>
        <dl className="mt-2 space-y-1">
          {summary.thisMonth.map((m) => (
            <div key={m.kind} className="flex justify-between gap-2">
              <dt>{DEADLINE_LABELS[m.kind]}</dt>
              <dd className={`tabular-nums ${m.total && m.met / m.total < NATIONAL_TARGET ? "font-semibold text-red-900" : ""}`}>
                {percent(m.met, m.total)} <span className="text-slate-700">({m.met} av {m.total})</span>
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
