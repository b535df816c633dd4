import { PATHWAY_NAMES, PATHWAY_TYPES } from "@/domain/rules";
import { PERIOD_PRESETS } from "@/domain/reports/period";
import type { ReportFilters as Filters } from "@/server/reports/filters";

const FIELD = "mt-1 rounded border border-slate-400 bg-white px-2 py-1";

/** GET form: the period and filters land in the URL (bookmarkable, shareable). */
export function ReportFilters({ filters, units, action }: { filters: Filters; units: { id: string; name: string }[]; action: string }) {
  return (
    <form method="get" action={action} aria-label="Velg periode og utvalg" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
      <div>
        <label htmlFor="r-periode" className="block text-sm font-medium">Periode</label>
        <select id="r-periode" name="periode" defaultValue={filters.periode} className={FIELD}>
          {Object.entries(PERIOD_PRESETS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="r-fra" className="block text-sm font-medium">Fra (egendefinert)</label>
        <input id="r-fra" name="fra" type="date" defaultValue={filters.fra} className={FIELD} />
      </div>
      <div>
        <label htmlFor="r-til" className="block text-sm font-medium">Til (egendefinert)</label>
        <input id="r-til" name="til" type="date" defaultValue={filters.til} className={FIELD} />
      </div>
      <div>
        <label htmlFor="r-enhet" className="block text-sm font-medium">Enhet</label>
        <select id="r-enhet" name="enhet" defaultValue={filters.enhet ?? ""} className={FIELD}>
          <option value="">Alle mine enheter</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>{u.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="r-type" className="block text-sm font-medium">Forløp</label>
        <select id="r-type" name="type" defaultValue={filters.type ?? ""} className={FIELD}>
          <option value="">Alle</option>
          {PATHWAY_TYPES.map((t) => (
            <option key={t} value={t}>{t} {PATHWAY_NAMES[t]}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">Vis</button>
    </form>
  );
}
