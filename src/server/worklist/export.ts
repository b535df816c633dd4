import "server-only";
import { REASON_LABELS } from "@/domain/worklist";
import { rowStatus } from "@/domain/worklist/row-status";
import type { Actor } from "@/server/auth/current-user";
import { toExcelCsv } from "@/lib/csv-write";
import type { IsoDate } from "@/lib/dates";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { exportWorklist } from "@/server/worklist/query";
import { unitOptionsFor } from "@/server/units/options";
import { worklistExportName } from "./export-name";

const HEADER = ["Grunn", "Hva er galt", "Frist", "Dager igjen (negativ: over fristen)", "Status", "Pasient", "Fødselsnr. (maskert)", "Forløp", "Omsorgsnivå", "Enhet", "Ansvarlig behandler", "Lenke"];

/**
 * The worklist under the list's URL filters as CSV for Excel: the same rows in
 * the same order as on screen (every page, not only the first), and a file name
 * that says which filters it holds. `origin` (the address the page was opened
 * at) makes each row's link absolute.
 */
export async function worklistCsv(actor: Actor, query: URLSearchParams, origin: string, now: IsoDate): Promise<{ csv: string; fileName: string }> {
  const filters = worklistFilterSchema.parse({ ...Object.fromEntries(query), etter: undefined });
  const [{ rows }, units] = await Promise.all([exportWorklist(actor, filters, now), unitOptionsFor(actor)]);
  const unit = units.find((u) => u.id === filters.enhet);
  const clinician = units.flatMap((u) => u.clinicians).find((c) => c.id === filters.behandler);
  const csv = toExcelCsv(
    HEADER,
    rows.map((r) => {
      const status = rowStatus(r, now);
      return [
        REASON_LABELS[r.reason],
        r.description,
        r.dueOn,
        status.daysLeft ?? "",
        status.text,
        r.patientName,
        r.maskedId,
        r.type,
        r.setting === "DOGN" ? "døgn" : "poliklinikk",
        r.unit.name,
        r.clinician?.name ?? "",
        `${origin}/forlop/${r.pathwayId}`,
      ];
    }),
  );
  return { csv, fileName: worklistExportName(filters, now, { unit: unit?.name, clinician: clinician?.name }) };
}
