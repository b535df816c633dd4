import { requirePage } from "@/server/auth/guard";
import { importJobShown } from "@/server/epj-import/job";
import { unitOptionsFor } from "@/server/units/options";
import { ImportForm } from "./ImportForm";
import { JobStatus } from "./JobStatus";
import { Reconciliation } from "./Reconciliation";
import { reconciliationsFor } from "@/server/epj-import/reconcile";

type SearchParams = Record<string, string | string[] | undefined>;

/** Import fra pasientjournalen: upload an EPJ extract, see the dry run's plan, confirm; then follow the import's progress. */
export async function ImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("epj.import");
  const params = await searchParams;
  const jobId = typeof params.jobb === "string" ? params.jobb.slice(0, 64) : null;
  // each view audits the patients it shows, so the reconciliation is read only when it is shown (no job)
  const [units, job] = await Promise.all([unitOptionsFor(actor), jobId ? importJobShown(actor, jobId) : null]);
  const reconciliations = job ? [] : await reconciliationsFor(actor);
  return (
    <section className="max-w-4xl">
      <h1 className="text-2xl font-semibold">Import fra pasientjournalen</h1>
      <p className="mt-1 text-slate-700">
        Last opp et uttrekk fra pasientjournalen (CSV, skilt med semikolon eller komma). Du ser først hva importen vil gjøre; ingenting lagres før du bekrefter.
      </p>
      {jobId && !job && (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-red-900">Fant ikke importen, eller den hører til en enhet du ikke har tilgang til.</p>
      )}
      {job ? <JobStatus job={{ ...job, createdAt: job.createdAt.toISOString() }} /> : <ImportForm units={units.map((u) => ({ id: u.id, name: u.name }))} />}
      {!job && <Reconciliation units={reconciliations} />}
    </section>
  );
}
