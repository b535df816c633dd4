import { notFound } from "next/navigation";
import { AUDIT_ACTION_LABELS } from "@/domain/audit/describe";
import { ROLE_LABELS } from "@/domain/permissions";
import { requirePage } from "@/server/auth/guard";
import { auditFilterParams, auditFilterSchema, type AuditFilters } from "@/server/audit-review/filters";
import { auditUserOptions, searchAuditLog, type AuditSearchResult } from "@/server/audit-review/search";
import { auditRowCells } from "@/server/audit-review/export";
import { ListLink } from "@/features/shell/ListLink";
import { AuditSearchForm } from "./AuditSearchForm";

// /revisjon (personvern): search the audit log by patient (national id typed
// into the form, sent by POST), user, period and action; newest first, a page
// at a time; the rows as CSV; for a patient, the printable access report. A
// search runs only once a filter is chosen, and each one is audited.

type SearchParams = Record<string, string | string[] | undefined>;

const hasFilter = (f: AuditFilters) => Boolean(f.pasient || f.bruker || f.handling || f.fra || f.til);

export async function AuditReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("audit.read");
  const parsed = auditFilterSchema.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const filters = parsed.data;
  const users = await auditUserOptions(actor);
  const result = hasFilter(filters) ? await searchAuditLog(actor, filters) : null;
  const actions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Revisjon</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Hvem har sett eller endret hvilke pasientdata, når og hvorfra. Søk på pasient, bruker, periode eller handling.
        Hvert søk blir selv logget.
      </p>
      <p className="mt-2">
        <ListLink href="/revisjon/monstre" className="text-blue-800 underline">Mønstre verdt en titt</ListLink>
      </p>
      <AuditSearchForm
        key={auditFilterParams(filters).toString()}
        initial={{ nationalId: result?.patient?.nationalId ?? "", bruker: filters.bruker ?? "", handling: filters.handling ?? "", fra: filters.fra ?? "", til: filters.til ?? "" }}
        users={users.map((u) => ({ id: u.id, label: `${u.name} (${ROLE_LABELS[u.role]}${u.active ? "" : ", deaktivert"})` }))}
        actions={actions}
      />
      {result && <Results filters={filters} result={result} />}
    </section>
  );
}

function Results({ filters, result }: { filters: AuditFilters; result: AuditSearchResult }) {
  const { rows, nextCursor, patient } = result;
  const exportQuery = auditFilterParams({ ...filters, etter: undefined });
  return (
    <div className="mt-6">
      {patient && (
        <div className="flex flex-wrap items-center gap-4">
          <h2 className="text-lg font-semibold">Pasient: {patient.name}, fødselsnummer {patient.nationalId}</h2>
          <ListLink
            href={`/revisjon/innsynslogg?${auditFilterParams({ pasient: patient.id, fra: filters.fra, til: filters.til })}`}
            className="text-blue-800 underline"
          >
            Innsynslogg for pasienten (til utskrift)
          </ListLink>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="mt-3 font-medium" role="status">Ingen treff.</p>
      ) : (
        <>
          <p className="mt-2 flex flex-wrap gap-4">
            <span>{rows.length} rader{filters.etter ? " (ikke første side)" : ""}, nyeste først.</span>
            <a href={`/revisjon/eksport?${exportQuery}`} className="text-blue-800 underline" download>Last ned som CSV</a>
          </p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">Treff i revisjonsloggen</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">Tidspunkt</th>
                  <th scope="col" className="p-2">Bruker</th>
                  <th scope="col" className="p-2">Rolle</th>
                  <th scope="col" className="p-2">Enhet</th>
                  <th scope="col" className="p-2">Hva</th>
                  <th scope="col" className="p-2">Pasient</th>
                  <th scope="col" className="p-2">Adresse</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const c = auditRowCells(r);
                  return (
                    <tr key={r.id} className="border-b border-slate-200 align-top">
                      <td className="p-2 whitespace-nowrap">{c.when}</td>
                      <td className="p-2">{c.who}</td>
                      <td className="p-2">{c.role}</td>
                      <td className="p-2">{c.unit}</td>
                      <td className="p-2">{c.what} <span className="text-slate-700">({c.channel})</span></td>
                      <td className="p-2">{c.patient || "–"}</td>
                      <td className="p-2">{c.ip}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="mt-3 flex gap-4">
        {filters.etter && <ListLink href={`/revisjon?${auditFilterParams({ ...filters, etter: undefined })}`} className="text-blue-800 underline">Første side</ListLink>}
        {nextCursor && <ListLink href={`/revisjon?${auditFilterParams({ ...filters, etter: nextCursor })}`} className="text-blue-800 underline">Neste side</ListLink>}
      </p>
    </div>
  );
}
