import { csvDownload } from "@/server/csv-download";
import { downloadRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { auditCsv } from "@/server/audit-review/export";

export const dynamic = "force-dynamic";

// GET /revisjon/eksport?<the search's filters>: the audit rows as CSV (the
// patient by internal id: the national id is never in an address).
export const GET = downloadRoute("audit.read", async (actor, request) => {
  const { csv, fileName } = await auditCsv(actor, new URL(request.url).searchParams, today());
  return csvDownload(csv, fileName);
});
