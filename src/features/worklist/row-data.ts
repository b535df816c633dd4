import { PHASE_LABELS, type Phase } from "@/domain/rules";
import { REASON_LABELS } from "@/domain/worklist";
import { rowStatus } from "@/domain/worklist/row-status";
import { formatNorwegianDate, type IsoDate } from "@/lib/dates";
import { groupOf, REASON_FILTERS } from "@/server/worklist/filters";
import type { WorklistRow } from "@/server/worklist/query";
import type { PackedRow } from "./WorklistTable";

// A page of worklist rows as the table shows them: each row's texts made
// here on the server (the domain's wording stays out of the browser's
// bundle), and only what the row shows or its actions need, packed without
// keys (PackedRow in WorklistTable.tsx).

export function worklistRowData(
  rows: WorklistRow[],
  { today, grouped, unitNames, codeHere }: { today: IsoDate; grouped: boolean; unitNames: boolean; codeHere: (unitId: string) => boolean },
): PackedRow[] {
  return rows.map((row, i) => {
    const status = rowStatus(row, today);
    const group = groupOf(row.reason, row.dueOn, today);
    const newGroup = grouped && (i === 0 || groupOf(rows[i - 1].reason, rows[i - 1].dueOn, today) !== group);
    const phase = row.phase ? (PHASE_LABELS[row.phase as Phase] ?? row.phase) : "–";
    return [
      row.description,
      status.daysLeft !== null ? formatNorwegianDate(row.dueOn) : "",
      status.text,
      status.tone,
      row.pathwayId,
      row.key,
      row.noticeId !== null,
      // no "Registrer kode" for a closed pathway, nor into a unit whose codes the EPJ holds (its pathway page has no form)
      row.phase !== "closed" && codeHere(row.unit.id),
      row.patientName,
      row.maskedId,
      `${row.type} ${row.setting === "DOGN" ? "døgn" : "poliklinikk"}, ${phase}${unitNames ? ` · ${row.unit.name}` : ""}`,
      row.clinician?.id ?? "",
      row.clinician?.name ?? "",
      REASON_LABELS[row.reason],
      newGroup ? REASON_FILTERS[group].label : "",
      // the unit picks the clinicians of the row's assign form: needed when the list spans several
      unitNames ? row.unit.id : "",
    ];
  });
}
