import Link from "next/link";
import { z } from "@/lib/zod";
import { formatNorwegianDate } from "@/lib/dates";
import { pageOf } from "@/domain/reports/compare";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { reportSearchParams, withKnownUnit } from "@/server/reports/filters";
import { drillDownPageSchema } from "@/server/reports/drill-down";
import { auditReportViewed, codingLagReport, complianceReport, qualityReport, reportScope } from "@/server/reports/queries";
import { ComplianceByClinician, LagTable, QualityByClinician } from "./ClinicianTables";
import { complianceByClinician, lagByClinician, qualityByClinician } from "./pack-report";
import { CLINICIAN_TABLES, type ClinicianTable } from "./report-data";
import { parseFilters } from "./ReportsPage";

// "Vis alle" of a per-clinician table on the report page: every clinician,
// worst first as there, 100 a page. Figures per clinician, no patients.

type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 100;
const tableSchema = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(CLINICIAN_TABLES).catch("ansvarlige"));

const TITLES: Record<ClinicianTable, string> = {
  ansvarlige: "Innen anbefalt tid per ansvarlig behandler",
  kodeforsinkelse: "Kodeforsinkelse per behandler (den som registrerte hendelsen)",
  behandlere: "Oppmerksomheter per behandler (den som registrerte hendelsen)",
};

export async function CliniciansPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("report.view");
  const params = await searchParams;
  const { filters } = withKnownUnit(parseFilters(params).filters, actor.user.unitIds);
  const table = tableSchema.parse(params.tabell);
  const now = today();
  const scope = await reportScope(actor, filters, now);
  const all =
    table === "ansvarlige" ? { compliance: complianceByClinician(await complianceReport(actor, filters, now, scope)) }
    : table === "kodeforsinkelse" ? { lag: lagByClinician(await codingLagReport(actor, filters, now, scope)) }
    : { quality: qualityByClinician(await qualityReport(actor, filters, now, scope)) };
  // complianceReport writes its own audit row
  if (table !== "ansvarlige") await auditReportViewed(actor, `clinicians-${table}`, filters);
  const total = (all.compliance ?? all.lag ?? all.quality ?? []).length;
  const { page, pages, offset } = pageOf(total, drillDownPageSchema.parse(params.side), PAGE_SIZE);
  const slice = <T,>(rows: T[]) => rows.slice(offset, offset + PAGE_SIZE);
  const base = reportSearchParams(filters).toString();
  const pageHref = (n: number) => `/rapporter/behandlere?${reportSearchParams(filters, { tabell: table, side: n === 1 ? undefined : String(n) })}`;
  const csv = `/rapporter/eksport?${reportSearchParams(filters, { tabell: table })}`;
  return (
    <section>
      <Link href={`/rapporter?${base}`} className="no-print text-blue-800 underline">← Tilbake til rapportene</Link>
      <h1 className="mt-2 text-2xl font-semibold">{TITLES[table]}</h1>
      <div className="mt-1 flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-slate-700">
          <span data-testid="clinicians-total">{total}</span> behandlere i {scope.period.label} ({formatNorwegianDate(scope.period.from)}–
          {formatNorwegianDate(scope.period.to)}), {scope.units.length === 1 ? scope.units[0].name : `${scope.units.length} enheter`}
          {pages > 1 && <span> · side {page} av {pages}</span>}. Mest å følge opp først.
        </p>
        <a href={csv} className="no-print text-sm text-blue-800 underline" download>Last ned CSV</a>
      </div>
      <div className="mt-4 overflow-x-auto">
        {all.compliance && <ComplianceByClinician data={{ rows: slice(all.compliance), total }} />}
        {all.lag && <LagTable caption="Per behandler" first="Behandler" rows={slice(all.lag)} testId="coding-lag-clinicians" />}
        {all.quality && <QualityByClinician data={{ rows: slice(all.quality), total }} base={base} />}
      </div>
      {pages > 1 && (
        <nav aria-label="Sider" className="no-print mt-3 flex items-center gap-4 text-sm">
          {page > 1 && <Link href={pageHref(page - 1)} className="text-blue-800 underline">Forrige side<span className="sr-only"> (side {page - 1} av {pages})</span></Link>}
          <span>Side {page} av {pages}</span>
          {page < pages && <Link href={pageHref(page + 1)} className="text-blue-800 underline">Neste side<span className="sr-only"> (side {page + 1} av {pages})</span></Link>}
        </nav>
      )}
    </section>
  );
}
