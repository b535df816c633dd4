import { csvDownload } from "@/server/csv-download";
import { downloadRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { reportCsv } from "@/server/reports/export";

export const dynamic = "force-dynamic";

// GET /rapporter/eksport?tabell=…&<the report's filters>: one report table as CSV.
export const GET = downloadRoute("export.csv", async (actor, request) => {
  const { table, csv } = await reportCsv(actor, new URL(request.url).searchParams);
  return csvDownload(csv, `rapport-${table}-${today()}.csv`);
});
