"use client";
import { useState } from "react";
import { PERIOD_PRESETS, type PeriodPreset } from "@/domain/reports/period";
import { FILTER_FIELD } from "@/features/shell/FilterSelect";

// The period's three fields kept consistent while typing: a typed Fra/Til
// date chooses "Egendefinert", and choosing a preset clears the dates (the
// server reads typed dates as a custom period whatever the preset says).

export function PeriodFields({ periode, fra, til }: { periode: PeriodPreset; fra?: string; til?: string }) {
  const [preset, setPreset] = useState<string>(periode);
  const [from, setFrom] = useState(fra ?? "");
  const [to, setTo] = useState(til ?? "");
  const typed = (set: (v: string) => void) => (e: React.ChangeEvent<HTMLInputElement>) => {
    set(e.target.value);
    if (e.target.value) setPreset("egen");
  };
  return (
    <>
      <div>
        <label htmlFor="r-periode" className="block text-sm font-medium">Periode</label>
        <select
          id="r-periode"
          name="periode"
          value={preset}
          onChange={(e) => {
            setPreset(e.target.value);
            if (e.target.value !== "egen") {
              setFrom("");
              setTo("");
            }
          }}
          className={FILTER_FIELD}
        >
          {Object.entries(PERIOD_PRESETS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="r-fra" className="block text-sm font-medium">Fra</label>
        <input id="r-fra" name="fra" type="date" value={from} onChange={typed(setFrom)} className={FILTER_FIELD} />
      </div>
      <div>
        <label htmlFor="r-til" className="block text-sm font-medium">Til</label>
        <input id="r-til" name="til" type="date" value={to} onChange={typed(setTo)} className={FILTER_FIELD} />
      </div>
    </>
  );
}
