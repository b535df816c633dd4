import { PERIOD_PRESETS } from "@/domain/reports/period";
import type { ReportFilters as Filters } from "@/server/reports/filters";
import { FILTER_FIELD, FilterSelect, optionsOf, PATHWAY_TYPE_OPTIONS } from "@/features/shell/FilterSelect";

/** GET form: the period and filters land in the URL (bookmarkable, shareable). */
export function ReportFilters({ filters, units, action }: { filters: Filters; units: { id: string; name: string }[]; action: string }) {
  return (
    <form method="get" action={action} aria-label="Velg periode og utvalg" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
      <FilterSelect id="r-periode" name="periode" label="Periode" value={filters.periode} options={optionsOf(PERIOD_PRESETS)} />
      <div>
        <label htmlFor="r-fra" className="block text-sm font-medium">Fra (egendefinert)</label>
        <input id="r-fra" name="fra" type="date" defaultValue={filters.fra} className={FILTER_FIELD} />
      </div>
      <div>
        <label htmlFor="r-til" className="block text-sm font-medium">Til (egendefinert)</label>
        <input id="r-til" name="til" type="date" defaultValue={filters.til} className={FILTER_FIELD} />
      </div>
      <FilterSelect id="r-enhet" name="enhet" label="Enhet" value={filters.enhet} allLabel="Alle mine enheter" options={units.map((u) => ({ value: u.id, label: u.name }))} />
      <FilterSelect id="r-type" name="type" label="Forløp" value={filters.type} allLabel="Alle" options={PATHWAY_TYPE_OPTIONS} />
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">Vis</button>
    </form>
  );
}
