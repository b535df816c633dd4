import Link from "next/link";
import { REASON_FILTERS, SORTS, type WorklistFilters as Filters } from "@/server/worklist/filters";
import { FILTER_FIELD, FilterSelect, optionsOf, PATHWAY_TYPE_OPTIONS } from "@/features/shell/FilterSelect";
import { ClinicianFilter } from "./ClinicianFilter";
import type { UnitClinicians } from "./RowActions";

// A plain GET form: the filters land in the URL, so a list can be bookmarked
// and shared, and works without JavaScript.

export function WorklistFilters({ filters, units }: { filters: Filters; units: UnitClinicians[] }) {
  return (
    <form method="get" action="/arbeidsliste" aria-label="Filtre for arbeidslisten" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
      <FilterSelect id="f-enhet" name="enhet" label="Enhet" value={filters.enhet} allLabel="Alle mine enheter" options={units.map((u) => ({ value: u.id, label: u.name }))} />
      <FilterSelect id="f-type" name="type" label="Forløp" value={filters.type} allLabel="Alle" options={PATHWAY_TYPE_OPTIONS} />
      <FilterSelect id="f-setting" name="setting" label="Omsorgsnivå" value={filters.setting} allLabel="Alle" options={optionsOf({ POLIKLINIKK: "Poliklinikk", DOGN: "Døgn" })} />
      <ClinicianFilter units={units} value={filters.behandler} />
      <FilterSelect
        id="f-grunn"
        name="grunn"
        label="Grunn"
        value={filters.grunn}
        allLabel="Alle grunner"
        options={Object.entries(REASON_FILTERS).map(([value, r]) => ({ value, label: r.label }))}
      />
      <div>
        <label htmlFor="f-horisont" className="block text-sm font-medium">Horisont (dager)</label>
        <input id="f-horisont" name="horisont" type="number" min={0} max={365} defaultValue={filters.horisont} className={`${FILTER_FIELD} w-24`} />
      </div>
      <FilterSelect id="f-sortering" name="sortering" label="Sortering" value={filters.sortering} options={optionsOf(SORTS)} />
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
        Vis
      </button>
      <Link href="/arbeidsliste" className="px-2 py-2 text-blue-800 underline">
        Nullstill filtre
      </Link>
    </form>
  );
}
