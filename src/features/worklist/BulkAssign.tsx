"use client";
import { useState } from "react";
import { bulkAssignAction, type UnitClinicians } from "./actions";
import { useClinicians } from "./clinicians";
import { BUTTON, FIELD, Status, useRowAction } from "./RowActions";

// "Tildel valgte": one responsible clinician for the rows ticked in the list.
// The rows' checkboxes belong to this form through their `form` attribute
// (BULK_ASSIGN_FORM); a pathway with several rows is sent once. The server
// assigns all or none, in one transaction. The clinician select is made once
// a row is ticked (until then there is nothing to assign), from the units'
// clinicians asked for then (clinicians.ts): the page does not carry them.

export const BULK_ASSIGN_FORM = "tildel";

export function BulkAssign({ selected, onDone }: { selected: number; onDone: () => void }) {
  const [clinicianId, setClinicianId] = useState("");
  const action = useRowAction();
  const { submit, pending } = action;
  const { units, failure } = useClinicians(selected > 0);
  const { message, failed, code } = action.failed || !failure ? action : { message: failure.message, failed: true, code: failure.code };
  const options = (u: UnitClinicians) => u.clinicians.map((c) => <option key={`${u.id}-${c.id}`} value={c.id}>{c.name}</option>);
  return (
    <form
      id={BULK_ASSIGN_FORM}
      aria-label="Tildel valgte rader"
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const pathwayIds = [...new Set(new FormData(form).getAll("p").map(String))];
        submit(() => bulkAssignAction({ pathwayIds, clinicianId }), () => {
          for (const el of Array.from(form.elements)) if (el instanceof HTMLInputElement && el.type === "checkbox") el.checked = false;
          onDone();
        });
      }}
    >
      {selected === 0 ? (
        <p className="text-sm text-slate-700">Kryss av rader for å gi dem samme ansvarlige behandler.</p>
      ) : (
        <>
          <div>
            <label htmlFor="bulk-clinician" className="block text-sm font-medium">Ansvarlig behandler for valgte rader ({selected})</label>
            <select id="bulk-clinician" value={clinicianId} onChange={(e) => setClinicianId(e.target.value)} required disabled={!units} aria-busy={!units && !failure} className={FIELD}>
              <option value="">{units ? "Velg behandler" : "Henter behandlere …"}</option>
              {units && (units.length === 1 ? options(units[0]) : units.map((u) => <optgroup key={u.id} label={u.name}>{options(u)}</optgroup>))}
            </select>
          </div>
          <button type="submit" disabled={pending || !units} className={BUTTON}>{pending ? "Tildeler …" : "Tildel valgte"}</button>
        </>
      )}
      <div className="basis-full"><Status message={message} failed={failed} code={code} /></div>
    </form>
  );
}
