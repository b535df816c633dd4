import { csvDownload } from "@/server/csv-download";
import { downloadRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { requestOrigin } from "@/server/request-origin";
import { worklistCsv } from "@/server/worklist/export";

export const dynamic = "force-dynamic";

// GET /arbeidsliste/eksport?<the list's filters>: the filtered list as CSV,
// named after its filters; its links use the address the page was opened at.
export const GET = downloadRoute("export.csv", async (actor, request) => {
  const { csv, fileName } = await worklistCsv(actor, new URL(request.url).searchParams, requestOrigin(request), today());
  return csvDownload(csv, fileName);
});
