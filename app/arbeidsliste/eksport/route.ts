import { csvDownload } from "@/server/csv-download";
import { downloadRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { worklistCsv } from "@/server/worklist/export";

export const dynamic = "force-dynamic";

// GET /arbeidsliste/eksport?<the list's filters>: the filtered list as CSV.
export const GET = downloadRoute("export.csv", async (actor, request) => {
  const url = new URL(request.url);
  const now = today();
  return csvDownload(await worklistCsv(actor, url.searchParams, url.origin, now), `arbeidsliste-${now}.csv`);
});
