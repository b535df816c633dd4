import "server-only";
import { daysLeftText } from "@/domain/deadline-text";
import { daysLeft, REASON_LABELS } from "@/domain/worklist";
import type { Actor } from "@/server/auth/current-user";
import { toExcelCsv } from "@/lib/csv-write";
import type { IsoDate } from "@/lib/dates";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { exportWorklist } from "@/server/worklist/query";

const HEADER = ["Grunn", "Hva er galt", "Frist", "Dager igjen (negativ: over fristen)", "Status", "Pasient", "Fødselsnr. (maskert)", "Forløp", "Omsorgsnivå", "Enhet", "Ansvarlig behandler", "Lenke"];

/**
 * The worklist under the list's URL filters as CSV for Excel: the same rows in
 * the same order as on screen (every page, not only the first). `origin` makes
 * each row's link absolute.
 */
export async function worklistCsv(actor: Actor, query: URLSearchParams, origin: string, now: IsoDate): Promise<string> {
  const filters = worklistFilterSchema.parse({ ...Object.fromEntries(query), etter: undefined });
  const { rows } = await exportWorklist(actor, filters, now);
  return toExcelCsv(
    HEADER,
    rows.map((r) => [
      REASON_LABELS[r.reason],
      r.description,
      r.dueOn,
      daysLeft(r, now),
      daysLeftText(r.dueOn, now).text,
      r.patientName,
      r.maskedId,
      r.type,
      r.setting === "DOGN" ? "døgn" : "poliklinikk",
      r.unit.name,
      r.clinician?.name ?? "",
      `${origin}/forlop/${r.pathwayId}`,
    ]),
  );
}
