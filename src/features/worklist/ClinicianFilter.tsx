"use client";
import { useState } from "react";
import { FilterSelect } from "@/features/shell/FilterSelect";
import { compareNorwegian } from "@/lib/collate";
import type { Clinician } from "./RowActions";
import { useClinicians } from "./clinicians";

// The worklist filter's "Behandler" select. The page carries only the chosen
// clinician; the units' clinicians (a large unit has 134) are asked for when
// the pointer comes near the select or it gets focus (clinicians.ts), before
// it is opened, and the select shows them from then on.

export function ClinicianFilter({ chosen, value }: { chosen: Clinician | null; value: string | undefined }) {
  const [wanted, setWanted] = useState(false);
  const { units } = useClinicians(wanted);
  // one unit's list is sorted already; several are merged (a clinician may work in more than one)
  const clinicians = !units
    ? chosen
      ? [chosen]
      : []
    : units.length === 1
      ? units[0].clinicians
      : [...new Map(units.flatMap((u) => u.clinicians).map((c) => [c.id, c])).values()].sort((a, b) => compareNorwegian(a.name, b.name));
  const want = () => setWanted(true);
  return (
    <div onFocus={want} onPointerEnter={want} className="min-w-0 max-w-full">
      <FilterSelect
        id="f-behandler"
        name="behandler"
        label="Behandler"
        value={value}
        allLabel="Alle"
        options={[{ value: "ingen", label: "Uten ansvarlig behandler" }, ...clinicians.map((c) => ({ value: c.id, label: c.name }))]}
      />
    </div>
  );
}
