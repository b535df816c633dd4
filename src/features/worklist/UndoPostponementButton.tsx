"use client";
import { undoPostponementAction } from "./actions";
import { BUTTON_OUTLINE, Status, useRowAction } from "./RowActions";

// Takes one postponement back, with the row actions' own handling: a refusal
// (an ended session with its login link) stays beside the button; a success
// is announced above the list, which refreshes without the row.

export function UndoPostponementButton({ pathwayId, itemKey, patientName }: { pathwayId: string; itemKey: string; patientName: string }) {
  const { submit, pending, message, failed, code } = useRowAction();
  return (
    <div>
      <button type="button" disabled={pending} className={BUTTON_OUTLINE} onClick={() => submit(() => undoPostponementAction({ pathwayId, itemKey }))}>
        Angre utsettelse<span className="sr-only"> for {patientName}</span>
      </button>
      <Status message={message} failed={failed} code={code} />
    </div>
  );
}
