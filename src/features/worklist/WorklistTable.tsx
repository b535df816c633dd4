"use client";
import { Fragment, useCallback, useEffect, useRef, useState } from "react";
import type { DeadlineTone } from "@/domain/deadline-text";
import { ListLink } from "@/features/shell/ListLink";
import { TONE_CLASSES } from "@/features/pathway/tone-classes";
import { BULK_ASSIGN_FORM, BulkAssign } from "./BulkAssign";
import { RowActions, type ActionRow, type ListActions } from "./RowActions";

// The worklist's rows, rendered from compact row data (row-data.ts). As
// server components every row went to the browser twice, as HTML and as its
// element tree in the React payload (~2 kB a row), with its action menu's
// props; now the payload holds each row's facts once, and the list's shared
// parts (the units' clinicians, what the user may do) once for all rows. The
// markup's styles are classes of the table (globals.css, table.worklist).

export interface WorklistRowData extends ActionRow {
  /** the urgency group's heading, on the first row of each group */
  group?: string;
  /** the reason, when the list is not grouped by it */
  label?: string;
  /** what is wrong */
  what: string;
  /** the due date (dd.mm.yyyy), for a row with a deadline */
  due?: string;
  status: string;
  tone: DeadlineTone;
  maskedId: string;
  /** "D11 poliklinikk, Basisutredning" (and the unit, when the list spans several) */
  pathway: string;
  /** the reason, for the checkbox's name (a patient may have several rows) */
  reason: string;
}

export function WorklistTable({ rows, caption, actions }: { rows: WorklistRowData[]; caption: string; actions: ListActions }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [selected, setSelected] = useState(0);
  const recount = useCallback(() => setSelected(body.current?.querySelectorAll("input[type=checkbox]:checked").length ?? 0), []);
  // a refreshed list may have lost ticked rows
  useEffect(recount, [rows, recount]);
  return (
    <>
      {actions.allowed.assign && <BulkAssign units={actions.units} selected={selected} onDone={recount} />}
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
        <tbody ref={body} onChange={recount}>
          {rows.map((row) => (
            <Fragment key={`${row.pathwayId}:${row.itemKey}`}>
              {row.group && (
                <tr className="group">
                  <th scope="colgroup" colSpan={6}>{row.group}</th>
                </tr>
              )}
              <tr data-testid="worklist-row">
                <td>
                  {row.label && <b className="font-medium">{row.label}: </b>}
                  {row.what}
                </td>
                <td className="whitespace-nowrap">
                  {row.due && `${row.due} `}
                  <span className={`rounded border px-1 ${TONE_CLASSES[row.tone]}`}>{row.status}</span>
                </td>
                <td>
                  {actions.allowed.assign && (
                    <input type="checkbox" form={BULK_ASSIGN_FORM} name="pathwayId" value={row.pathwayId} aria-label={`Velg ${row.patient} (${row.reason})`} />
                  )}
                  <ListLink href={`/forlop/${row.pathwayId}`}>{row.patient}</ListLink> <span className="font-mono">{row.maskedId}</span>
                </td>
                <td>{row.pathway}</td>
                <td>
                  <span className="sm:hidden">Ansvarlig: </span>
                  {row.clinician?.name ?? <span className="text-red-900">Ingen</span>}
                </td>
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
