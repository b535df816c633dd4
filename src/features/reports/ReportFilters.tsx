import type { ReportFilters as Filters } from "@/server/reports/filters";
import { FilterSelect, PATHWAY_TYPE_OPTIONS } from "@/features/shell/FilterSelect";
import { PeriodFields } from "./PeriodFields";

/** GET form: the period and filters land in the URL (bookmarkable, shareable). */
export function ReportFilters({ filters, units, action }: { filters: Filters; units: { id: string; name: string }[]; action: string }) {
  return (
    <form method="get" action={action} aria-label="Velg periode og utvalg" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
      <PeriodFields periode={filters.periode} fra={filters.fra} til={filters.til} />
      <FilterSelect id="r-enhet" name="enhet" label="Enhet" value={filters.enhet} allLabel="Alle mine enheter" options={units.map((u) => ({ value: u.id, label: u.name }))} />
      <FilterSelect id="r-type" name="type" label="Forløp" value={filters.type} allLabel="Alle" options={PATHWAY_TYPE_OPTIONS} />
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">Vis</button>
    </form>
  );
}
