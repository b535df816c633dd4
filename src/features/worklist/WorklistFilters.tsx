"use client";
import Link from "next/link";
import { FILTER_FIELD, FilterSelect, PATHWAY_TYPE_OPTIONS } from "@/features/shell/FilterSelect";
import { ClinicianFilter } from "./ClinicianFilter";
import type { Clinician } from "./RowActions";

// A plain GET form: the filters land in the URL, so a list can be bookmarked
// and shared. A client component fed the choices as pairs (FilterChoices): as
// server components its selects went to the browser as element trees beside
// their HTML (~4 kB).

type Pair = [value: string, label: string];

export interface FilterChoices {
  units: Pair[];
  reasons: Pair[];
  sorts: Pair[];
  /** the chosen clinician, when the list is filtered by one: the rest are asked for when needed */
  chosen: Clinician | null;
}

export interface FilterValues {
  enhet?: string;
  type?: string;
  setting?: string;
  behandler?: string;
  grunn?: string;
  horisont: number;
  sortering: string;
}

const options = (pairs: Pair[]) => pairs.map(([value, label]) => ({ value, label }));
const SETTINGS: Pair[] = [["POLIKLINIKK", "Poliklinikk"], ["DOGN", "Døgn"]];

export function WorklistFilters({ filters, choices }: { filters: FilterValues; choices: FilterChoices }) {
  return (
    <form method="get" action="/arbeidsliste" aria-label="Filtre for arbeidslisten" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
      <FilterSelect id="f-enhet" name="enhet" label="Enhet" value={filters.enhet} allLabel="Alle mine enheter" options={options(choices.units)} />
      <FilterSelect id="f-type" name="type" label="Forløp" value={filters.type} allLabel="Alle" options={PATHWAY_TYPE_OPTIONS} />
      <FilterSelect id="f-setting" name="setting" label="Omsorgsnivå" value={filters.setting} allLabel="Alle" options={options(SETTINGS)} />
      <ClinicianFilter chosen={choices.chosen} value={filters.behandler} />
      <FilterSelect id="f-grunn" name="grunn" label="Grunn" value={filters.grunn} allLabel="Alle grunner" options={options(choices.reasons)} />
      <div>
        <label htmlFor="f-horisont" className="block text-sm font-medium">Horisont (dager)</label>
        <input id="f-horisont" name="horisont" type="number" min={0} max={365} defaultValue={filters.horisont} className={`${FILTER_FIELD} w-24`} />
      </div>
      <FilterSelect id="f-sortering" name="sortering" label="Sortering" value={filters.sortering} options={options(choices.sorts)} />
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
        Vis
      </button>
      <Link href="/arbeidsliste" className="px-2 py-2 text-blue-800 underline">
        Nullstill filtre
      </Link>
    </form>
  );
}
