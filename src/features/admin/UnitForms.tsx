"use client";
import { PATHWAY_NAMES, PATHWAY_TYPES, type PathwayType } from "@/domain/rules";
import { useState } from "react";
import { CODES_RECORDED_IN_LABELS as CODES_RECORDED_IN_CHOICES, type CodesRecordedIn } from "@/domain/codes-recorded-in";
import { createUnitAction, setCodesRecordedInAction, setUnitActiveAction, updateUnitAction } from "./actions";
import { buttonClass, FieldMessage, inputClass, ResultMessage, useAdminAction } from "./form-parts";

// A unit's form (new and edit) and its deactivation. The server decides.

export interface UnitValues {
  name: string;
  code: string;
  kind: "DPS" | "BUP" | "TSB";
  setting: "POLIKLINIKK" | "DOGN";
  pathwayTypes: PathwayType[];
}

export function UnitForm({ unitId, values, labelledBy }: { unitId?: string; values?: UnitValues; labelledBy: string }) {
  const { result, pending, run, failure } = useAdminAction();
  const errors = failure?.fieldErrors;
  const p = unitId ? "unit" : "new-unit";
  return (
    <form
      aria-labelledby={labelledBy}
      className="mt-2 grid max-w-2xl gap-3 rounded border border-slate-300 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const target = event.currentTarget;
        const form = new FormData(target);
        const input = {
          name: String(form.get("name") ?? ""),
          code: String(form.get("code") ?? ""),
          kind: String(form.get("kind") ?? ""),
          setting: String(form.get("setting") ?? ""),
          pathwayTypes: form.getAll("pathwayTypes").map(String),
        } as UnitValues;
        run(() => (unitId ? updateUnitAction(unitId, input) : createUnitAction(input)), (r) => {
          if (r.ok && !unitId) target.reset();
        });
      }}
    >
      <div>
        <label htmlFor={`${p}-name`} className="block text-sm font-medium">Navn</label>
        <input id={`${p}-name`} name="name" required maxLength={200} defaultValue={values?.name} className={inputClass} />
        <FieldMessage id={`${p}-name-error`} messages={errors?.name} />
      </div>
      <div>
        <label htmlFor={`${p}-code`} className="block text-sm font-medium">Kode</label>
        <input id={`${p}-code`} name="code" required maxLength={20} defaultValue={values?.code} className={inputClass} />
        <FieldMessage id={`${p}-code-error`} messages={errors?.code} />
      </div>
      <div>
        <label htmlFor={`${p}-kind`} className="block text-sm font-medium">Type enhet</label>
        <select id={`${p}-kind`} name="kind" defaultValue={values?.kind ?? "DPS"} className={inputClass}>
          <option value="DPS">DPS</option>
          <option value="BUP">BUP</option>
          <option value="TSB">TSB</option>
        </select>
      </div>
      <div>
        <label htmlFor={`${p}-setting`} className="block text-sm font-medium">Poliklinikk eller døgn</label>
        <select id={`${p}-setting`} name="setting" defaultValue={values?.setting ?? "POLIKLINIKK"} className={inputClass}>
          <option value="POLIKLINIKK">Poliklinikk</option>
          <option value="DOGN">Døgn</option>
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Pakkeforløp enheten tilbyr</legend>
        {PATHWAY_TYPES.map((t) => (
          <label key={t} className="block">
            <input type="checkbox" name="pathwayTypes" value={t} defaultChecked={values?.pathwayTypes.includes(t)} /> {t} {PATHWAY_NAMES[t]}
          </label>
        ))}
        <FieldMessage id={`${p}-types-error`} messages={errors?.pathwayTypes} />
      </fieldset>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? "Lagrer …" : unitId ? "Lagre enheten" : "Opprett enhet"}</button>
      </div>
      <ResultMessage result={result} />
    </form>
  );
}

/** Which system holds the unit's pathway codes (issue 19: one record of each code). */
export function CodesRecordedInForm({ unitId, value }: { unitId: string; value: CodesRecordedIn }) {
  const { result, pending, run } = useAdminAction();
  const [choice, setChoice] = useState<CodesRecordedIn>(value);
  return (
    <form onSubmit={(e) => { e.preventDefault(); run(() => setCodesRecordedInAction(unitId, choice)); }} className="mt-2">
      <fieldset>
        <legend className="font-medium">Hvor føres enhetens forløpskoder?</legend>
        {(Object.keys(CODES_RECORDED_IN_CHOICES) as CodesRecordedIn[]).map((key) => (
          <label key={key} className="mt-1 flex items-center gap-2">
            <input type="radio" name="codesRecordedIn" value={key} checked={choice === key} onChange={() => setChoice(key)} />
            {CODES_RECORDED_IN_CHOICES[key]}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending || choice === value} className={`mt-2 ${buttonClass}`}>Lagre</button>
      <ResultMessage result={result} />
    </form>
  );
}

export function UnitActiveButton({ unitId, active }: { unitId: string; active: boolean }) {
  const { result, pending, run } = useAdminAction();
  return (
    <div>
      <button type="button" disabled={pending} onClick={() => run(() => setUnitActiveAction(unitId, !active))}
        className={active ? "rounded border border-red-700 px-3 py-1 font-semibold text-red-800 disabled:opacity-60" : buttonClass}>
        {active ? "Deaktiver enheten" : "Aktiver enheten"}
      </button>
      <ResultMessage result={result} />
    </div>
  );
}
