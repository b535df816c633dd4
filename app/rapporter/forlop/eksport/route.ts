import { csvDownload } from "@/server/csv-download";
import { downloadRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { requestOrigin } from "@/server/request-origin";
import { drillDownCsv } from "@/server/reports/drill-down-export";

export const dynamic = "force-dynamic";

// GET /rapporter/forlop/eksport?<the drill-down's query and the report's filters>:
// every row behind the figure as CSV (audited with the patients it names).
export const GET = downloadRoute("export.csv", async (actor, request) => {
  const { csv, fileName } = await drillDownCsv(actor, new URL(request.url).searchParams, requestOrigin(request), today());
  return csvDownload(csv, fileName);
});
