"use client";
import { useEffect, useState } from "react";
import { worklistCliniciansAction, type RowActionResult, type UnitClinicians } from "./actions";

type ActionFailure = Extract<RowActionResult, { ok: false }>;

// The units' clinicians (a large unit has 134) for the worklist's selects,
// fetched the first time one of them is about to be used and kept until the
// page is loaded anew (an assignment is checked on the server all the same):
// one view of the list carried them twice (options and data, 22 kB of a full
// load's 121 kB) for the few views that pick a clinician.

let pending: Promise<{ ok: true; units: UnitClinicians[] } | ActionFailure> | null = null;

function load() {
  pending ??= worklistCliniciansAction({ all: true }).then((result) => {
    if (!result.ok) pending = null; // an expired session: asked again after a login
    return result;
  });
  return pending;
}

/** The clinicians once `wanted` has been true: null until they are here; a failure (an expired session) to show. */
export function useClinicians(wanted: boolean): { units: UnitClinicians[] | null; failure: ActionFailure | null } {
  const [state, setState] = useState<{ units: UnitClinicians[] | null; failure: ActionFailure | null }>({ units: null, failure: null });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    load().then(
      (result) => live && setState(result.ok ? { units: result.units, failure: null } : { units: null, failure: result }),
      () => live && setState({ units: null, failure: { ok: false, code: "unavailable", message: "Behandlerlisten kunne ikke hentes. Prøv igjen.", fieldErrors: {} } }),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return state;
}
