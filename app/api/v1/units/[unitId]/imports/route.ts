import { apiRoute } from "@/server/api/handler";
import { today } from "@/server/clock";
import { startImportApi } from "@/server/epj-import/api";
import { startImportOperation } from "@/server/epj-import/start.operation";

export const dynamic = "force-dynamic";

// The body is the CSV extract: 200 with the dry run's report, or 202 with the started job.
export const POST = apiRoute(startImportOperation, async (actor, { params, query, raw }) => {
  const started = await startImportApi(actor, params.unitId, raw, query, today());
  if (started.dryRun) return { status: 200, body: started.report };
  return { status: 202, body: { id: started.id, status: started.status }, headers: { Location: `/api/v1/imports/${started.id}` } };
});
