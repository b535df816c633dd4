import "server-only";
import { REASON_LABELS } from "@/domain/worklist";
import { toExcelCsv } from "@/lib/csv-write";
import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { worklistFilterSchema } from "@/server/worklist/filters";
import { exportWorklist } from "@/server/worklist/query";
import { requestOrigin } from "@/lib/request-origin";
import { unitOptionsFor } from "@/server/units/options";
import { worklistExportName } from "./export-name";
import { rowStatus } from "./row-status";

// GET /arbeidsliste/eksport?<the list's filters>: the filtered list as CSV,
// the same rows in the same order as on screen.
export const exportWorklistCsv = apiRoute("export.csv", async (actor, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = worklistFilterSchema.parse({ ...params, etter: undefined });
  const now = today();
  const [{ rows }, units] = await Promise.all([exportWorklist(actor, filters, now), unitOptionsFor(actor)]);
  const unit = units.find((u) => u.id === filters.enhet);
  const clinician = units.flatMap((u) => u.clinicians).find((c) => c.id === filters.behandler);
  const origin = requestOrigin(request);
  const csv = toExcelCsv(
    ["Grunn", "Hva er galt", "Frist", "Dager igjen (negativ: over fristen)", "Status", "Pasient", "Fødselsnr. (maskert)", "Forløp", "Omsorgsnivå", "Enhet", "Ansvarlig behandler", "Lenke"],
    rows.map((r) => [
        REASON_LABELS[r.reason],
        r.description,
        r.dueOn,
        rowStatus(r, now).daysLeft ?? "",
        rowStatus(r, now).text,
        r.patientName,
        r.maskedId,
        r.type,
        r.setting === "DOGN" ? "døgn" : "poliklinikk",
        r.unit.name,
        r.clinician?.name ?? "",
        `${origin}/forlop/${r.pathwayId}`,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${worklistExportName(filters, now, { unit: unit?.name, clinician: clinician?.name })}"`,
      "Cache-Control": "no-store",
    },
  });
});
