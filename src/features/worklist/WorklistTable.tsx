"use client";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DeadlineTone } from "@/domain/deadline-text";
import { useFollowLink } from "@/features/shell/follow-link";
import { TONE_CLASSES } from "@/features/pathway/tone-classes";
import { BULK_ASSIGN_FORM, BulkAssign } from "./BulkAssign";
import { RowActions, type ActionRow, type ListActions } from "./RowActions";

// The worklist's rows, rendered from compact row data (row-data.ts). Next.js
// sends a client component's props twice on a full load (in the React payload,
// and again inlined in the HTML for hydration) beside the rows' HTML, so each
// row's facts travel as one array without keys (PackedRow: 16 keys a row were
// ~9 kB per copy), and the markup carries no classes or hidden text per cell:
// the table's styles are classes of the table (globals.css, table.worklist).
// The patients' links are plain anchors followed inside the app by one click
// handler on the table's body (follow-link.ts), not 50 next/link components.

/**
 * One row's facts in a fixed order; "" where a row has none. The server packs
 * them (row-data.ts), the table unpacks them (unpack).
 */
export type PackedRow = [
  /** what is wrong */
  what: string,
  /** the due date (dd.mm.yyyy), for a row with a deadline */
  due: string,
  status: string,
  tone: DeadlineTone,
  pathwayId: string,
  itemKey: string,
  isNotice: boolean,
  /** "Registrer kode" is offered */
  code: boolean,
  patient: string,
  maskedId: string,
  /** "D11 poliklinikk, Basisutredning" (and the unit, when the list spans several) */
  pathway: string,
  clinicianId: string,
  clinicianName: string,
  /** the reason's label: shown before `what` in an ungrouped list, and in the checkbox's name (a patient may have several rows) */
  reason: string,
  /** the urgency group's heading, on the first row of each group */
  group: string,
  /** the row's unit, when the list spans several */
  unitId: string,
];

export interface WorklistRowData extends ActionRow {
  what: string;
  due: string;
  status: string;
  tone: DeadlineTone;
  maskedId: string;
  pathway: string;
  reason: string;
  group: string;
}

export function unpack([what, due, status, tone, pathwayId, itemKey, isNotice, code, patient, maskedId, pathway, clinicianId, clinicianName, reason, group, unitId]: PackedRow): WorklistRowData {
  return {
    what, due, status, tone, pathwayId, itemKey, isNotice, code, patient, maskedId, pathway, reason, group,
    clinician: clinicianId ? { id: clinicianId, name: clinicianName } : null,
    ...(unitId ? { unitId } : {}),
  };
}

export function WorklistTable({ packed, grouped, caption, actions }: { packed: PackedRow[]; grouped: boolean; caption: string; actions: ListActions }) {
  const rows = useMemo(() => packed.map(unpack), [packed]);
  const body = useRef<HTMLTableSectionElement>(null);
  const [selected, setSelected] = useState(0);
  const followLink = useFollowLink("/forlop/");
  const recount = useCallback(() => setSelected(body.current?.querySelectorAll("input[type=checkbox]:checked").length ?? 0), []);
  // a refreshed list may have lost ticked rows
  useEffect(recount, [rows, recount]);
  return (
    <>
      {actions.allowed.assign && <BulkAssign selected={selected} onDone={recount} />}
      <table className="worklist mt-2 w-full border-collapse bg-white text-left text-sm max-sm:block">
        <caption className="sr-only">{caption}</caption>
        <thead className="max-sm:sr-only">
          <tr>
            <th scope="col">Hva er galt</th>
            <th scope="col">Frist</th>
            <th scope="col">Pasient</th>
            <th scope="col">Forløp</th>
            <th scope="col">Ansvarlig</th>
            <th scope="col">Handlinger</th>
          </tr>
        </thead>
        <tbody ref={body} onChange={recount} onClick={followLink}>
          {rows.map((row) => (
            <Fragment key={`${row.pathwayId}:${row.itemKey}`}>
              {row.group && (
                <tr className="group">
                  <th scope="colgroup" colSpan={6}>{row.group}</th>
                </tr>
              )}
              <tr>
                <td>
                  {!grouped && <b>{`${row.reason}: `}</b>}
                  {row.what}
                </td>
                <td>
                  {row.due && `${row.due} `}
                  <span className={TONE_CLASSES[row.tone]}>{row.status}</span>
                </td>
                <td>
                  {actions.allowed.assign && <input type="checkbox" form={BULK_ASSIGN_FORM} name="p" value={row.pathwayId} aria-label={`Velg ${row.patient} (${row.reason})`} />}
                  <a href={`/forlop/${row.pathwayId}`}>{row.patient}</a> <span>{row.maskedId}</span>
                </td>
                <td>{row.pathway}</td>
                {/* "Ansvarlig:" before it on a phone's card (globals.css) */}
                <td>{row.clinician?.name ?? <i>Ingen</i>}</td>
                <td>
                  <RowActions row={row} list={actions} />
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}
