import { notFound } from "next/navigation";
import { describeAudit } from "@/domain/audit/describe";
import { formatNorwegianDate, formatOsloDateTime } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { now, today } from "@/server/clock";
import { accessReport } from "@/server/audit-review/access-report";
import { auditFilterParams, auditFilterSchema, reportPeriod } from "@/server/audit-review/filters";
import { roleLabel } from "@/server/audit-review/export";
import { actorName } from "@/server/audit-review/rows";
import { FILTER_FIELD } from "@/features/shell/FilterSelect";
import { ListLink } from "@/features/shell/ListLink";
import { PrintButton } from "./PrintButton";

// The access report (innsynslogg) of one patient: who has seen or changed the
// patient's data in Forløpsvakt, when and in which role, in plain Norwegian,
// printable on A4 for a patient who asks. The address names the patient by
// the internal id only.

type SearchParams = Record<string, string | string[] | undefined>;

export async function AccessReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("audit.read");
  const parsed = auditFilterSchema.safeParse(await searchParams);
  if (!parsed.success || !parsed.data.pasient) notFound();
  const period = reportPeriod(parsed.data, today());
  const report = await accessReport(actor, parsed.data.pasient, period);
  if (!report) notFound();
  const { patient, rows } = report;
  const people = new Set(rows.map((r) => r.userId ?? r.clientId ?? "")).size;
  return (
    <section>
      <p className="no-print">
        <ListLink href={`/revisjon?${auditFilterParams({ pasient: patient.id })}`} className="text-blue-800 underline">← Tilbake til revisjon</ListLink>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Innsynslogg</h1>
      <p className="mt-1 text-lg">{patient.name}, fødselsnummer {patient.nationalId}</p>
      <p className="mt-1">
        Periode: {formatNorwegianDate(period.from)}–{formatNorwegianDate(period.to)}. Utskrevet {formatOsloDateTime(now())}.
      </p>
      <p className="mt-3 max-w-3xl">
        Oversikten viser hvem som har sett eller endret opplysninger om pasienten i Forløpsvakt i perioden, når det skjedde og i hvilken
        rolle. «I en liste» betyr at pasienten var én av flere i en oversikt brukeren åpnet (for eksempel arbeidslisten).
        Rollen er brukerens rolle i dag.
      </p>
      <form method="get" action="/revisjon/innsynslogg" aria-label="Velg periode" className="no-print mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
        <input type="hidden" name="pasient" value={patient.id} />
        <div>
          <label htmlFor="i-fra" className="block text-sm font-medium">Fra</label>
          <input id="i-fra" name="fra" type="date" defaultValue={period.from} className={FILTER_FIELD} />
        </div>
        <div>
          <label htmlFor="i-til" className="block text-sm font-medium">Til</label>
          <input id="i-til" name="til" type="date" defaultValue={period.to} className={FILTER_FIELD} />
        </div>
        <button type="submit" className="rounded border border-blue-700 px-4 py-2 font-semibold text-blue-800">Vis</button>
        <PrintButton />
      </form>
      {rows.length === 0 ? (
        <p className="mt-4 font-medium">Ingen har sett eller endret opplysninger om pasienten i denne perioden.</p>
      ) : (
        <>
          <p className="mt-4">
            {rows.length} {rows.length === 1 ? "oppslag" : "oppslag"} av {people} {people === 1 ? "person" : "personer"}, nyeste først.
            {report.truncated && " Listen er avkortet: velg en kortere periode for å se alt."}
          </p>
          <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Hvem har sett eller endret opplysninger om pasienten</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">Når</th>
                <th scope="col" className="p-2">Hvem</th>
                <th scope="col" className="p-2">Rolle</th>
                <th scope="col" className="p-2">Enhet</th>
                <th scope="col" className="p-2">Hva</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="p-2 whitespace-nowrap">{formatOsloDateTime(new Date(r.at))}</td>
                  <td className="p-2">{actorName(r)}</td>
                  <td className="p-2">{roleLabel(r.userRole)}</td>
                  <td className="p-2">{r.unit ?? "–"}</td>
                  <td className="p-2">{describeAudit(r.action, r.detail)}{r.viaList && r.action !== "PATIENT_LIST_VIEWED" && r.action !== "WORKLIST_VIEWED" && r.action !== "REFERRAL_LIST_VIEWED" ? " (i en liste)" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
