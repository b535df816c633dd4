// the leaf module, not the rules engine's index: client components render this select too
import { PATHWAY_NAMES, PATHWAY_TYPES } from "@/domain/rules/codes";

// A labelled select for the GET filter forms (worklist, reports): its name is
// the URL parameter, so the chosen value lands in the address.

// max-w-full: a long option ("D01 Tverrfaglig …") never widens a 390 px phone page
export const FILTER_FIELD = "mt-1 max-w-full rounded border border-slate-400 bg-white px-2 py-1";

export interface FilterSelectProps {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  /** the empty choice ("Alle …"), when the filter may be left out */
  allLabel?: string;
}

export function FilterSelect({ id, name, label, value, options, allLabel }: FilterSelectProps) {
  return (
    <div className="min-w-0 max-w-full">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={FILTER_FIELD}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

export const PATHWAY_TYPE_OPTIONS = PATHWAY_TYPES.map((t) => ({ value: t, label: `${t} ${PATHWAY_NAMES[t]}` }));

/** Pairs of a Record as select options. */
export function optionsOf(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
