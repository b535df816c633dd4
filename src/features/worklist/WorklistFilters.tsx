import Link from "next/link";
import { PATHWAY_NAMES, PATHWAY_TYPES } from "@/domain/rules";
import type { UnitOption } from "@/server/units/options";
import { REASON_FILTERS, SORTS, type WorklistFilters as Filters } from "@/server/worklist/filters";

// A plain GET form: the filters land in the URL, so a list can be bookmarked
// and shared, and works without JavaScript.

const FIELD = "mt-1 rounded border border-slate-400 bg-white px-2 py-1";

export function WorklistFilters({ filters, units }: { filters: Filters; units: UnitOption[] }) {
  const clinicians = [...new Map(units.flatMap((u) => u.clinicians).map((c) => [c.id, c])).values()].sort((a, b) => a.name.localeCompare(b.name, "nb"));
  return (
    <form method="get" action="/arbeidsliste" aria-label="Filtre for arbeidslisten" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
      <div>
        <label htmlFor="f-enhet" className="block text-sm font-medium">Enhet</label>
        <select id="f-enhet" name="enhet" defaultValue={filters.enhet ?? ""} className={FIELD}>
          <option value="">Alle mine enheter</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>{u.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-type" className="block text-sm font-medium">Forløp</label>
        <select id="f-type" name="type" defaultValue={filters.type ?? ""} className={FIELD}>
          <option value="">Alle</option>
          {PATHWAY_TYPES.map((t) => (
            <option key={t} value={t}>{t} {PATHWAY_NAMES[t]}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-setting" className="block text-sm font-medium">Omsorgsnivå</label>
        <select id="f-setting" name="setting" defaultValue={filters.setting ?? ""} className={FIELD}>
          <option value="">Alle</option>
          <option value="POLIKLINIKK">Poliklinikk</option>
          <option value="DOGN">Døgn</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-behandler" className="block text-sm font-medium">Behandler</label>
        <select id="f-behandler" name="behandler" defaultValue={filters.behandler ?? ""} className={FIELD}>
          <option value="">Alle</option>
          <option value="ingen">Uten ansvarlig behandler</option>
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-grunn" className="block text-sm font-medium">Grunn</label>
        <select id="f-grunn" name="grunn" defaultValue={filters.grunn ?? ""} className={FIELD}>
          <option value="">Alle grunner</option>
          {Object.entries(REASON_FILTERS).map(([slug, r]) => (
            <option key={slug} value={slug}>{r.label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-horisont" className="block text-sm font-medium">Horisont (dager)</label>
        <input id="f-horisont" name="horisont" type="number" min={0} max={365} defaultValue={filters.horisont} className={`${FIELD} w-24`} />
      </div>
      <div>
        <label htmlFor="f-sortering" className="block text-sm font-medium">Sortering</label>
        <select id="f-sortering" name="sortering" defaultValue={filters.sortering} className={FIELD}>
          {Object.entries(SORTS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">
        Vis
      </button>
      <Link href="/arbeidsliste" className="px-2 py-2 text-blue-800 underline">
        Nullstill filtre
      </Link>
    </form>
  );
}
