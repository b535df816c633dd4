"use client";
import { FilterSelect } from "@/features/shell/FilterSelect";
import type { UnitClinicians } from "./RowActions";
import { compareNorwegian } from "@/lib/collate";

// The worklist filter's "Behandler" select, made from the same list of the
// units' clinicians that the rows' actions use: the page carries that list
// once (a large unit has 134), not once more as the select's options.

export function ClinicianFilter({ units, value }: { units: UnitClinicians[]; value: string | undefined }) {
  // one unit's list is sorted already; several are merged (a clinician may work in more than one)
  const clinicians =
    units.length === 1 ? units[0].clinicians : [...new Map(units.flatMap((u) => u.clinicians).map((c) => [c.id, c])).values()].sort((a, b) => compareNorwegian(a.name, b.name));
  return (
    <FilterSelect
      id="f-behandler"
      name="behandler"
      label="Behandler"
      value={value}
      allLabel="Alle"
      options={[{ value: "ingen", label: "Uten ansvarlig behandler" }, ...clinicians.map((c) => ({ value: c.id, label: c.name }))]}
    />
  );
}
