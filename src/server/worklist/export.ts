import "server-only";
import { daysLeft, REASON_LABELS } from "@/domain/worklist";
import { toExcelCsv } from "@/lib/csv-write";
import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { exportWorklist } from "@/server/worklist/query";
import { daysLeftText } from "@/features/pathway/deadline-text";

// GET /arbeidsliste/eksport?<the list's filters>: the filtered list as CSV,
// the same rows in the same order as on screen.
export const exportWorklistCsv = apiRoute("export.csv", async (actor, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = worklistFilterSchema.parse({ ...params, etter: undefined });
  const now = today();
  const { rows } = await exportWorklist(actor, filters, now);
  const csv = toExcelCsv(
    ["Grunn", "Hva er galt", "Frist", "Dager igjen (negativ: over fristen)", "Status", "Pasient", "Fødselsnr. (maskert)", "Forløp", "Omsorgsnivå", "Enhet", "Ansvarlig behandler", "Lenke"],
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
        `${new URL(request.url).origin}/forlop/${r.pathwayId}`,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="arbeidsliste-${now}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
