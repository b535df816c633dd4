import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { unitOptionsFor } from "@/server/units/options";
import { reportFilterSchema, reportSearchParams, withKnownUnit } from "@/server/reports/filters";
import { codingLagReport, complianceReport, qualityReport, reportScope, trendReport } from "@/server/reports/queries";
import { TOP_CLINICIANS } from "@/domain/reports/worst-first";
import { ReportFilters } from "./ReportFilters";
import { ReportView } from "./ReportView";
import { packReport } from "./pack-report";

type SearchParams = Record<string, string | string[] | undefined>;

export function parseFilters(params: SearchParams) {
  const parsed = reportFilterSchema.safeParse(params);
  if (parsed.success) return { filters: parsed.data, problems: [] as string[] };
  return { filters: reportFilterSchema.parse({}), problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
}

// One full load of the largest unit's report was 743 kB (400 000 generated
// pathways): three tables of its 134 clinicians, every cell as HTML and again
// as React's element tree. The figures now go to a client view as numbers
// (ReportView), and each per-clinician table shows its TOP_CLINICIANS worst
// with "Vis alle" to a page of all (app/rapporter/behandlere).
export async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("report.view");
  const parsed = parseFilters(await searchParams);
  const { filters, problem: unitProblem } = withKnownUnit(parsed.filters, actor.user.unitIds);
  const problems = unitProblem ? [...parsed.problems, unitProblem] : parsed.problems;
  const now = today();
  const scope = await reportScope(actor, filters, now);
  const [compliance, trend, quality, codingLag] = await Promise.all([
    complianceReport(actor, filters, now, scope),
    trendReport(actor, filters, now, scope),
    qualityReport(actor, filters, now, scope),
    codingLagReport(actor, filters, now, scope),
  ]);
  const allUnits = await unitOptionsFor(actor);
  const data = packReport({ scope, compliance, trend, quality, lag: codingLag, base: reportSearchParams(filters).toString(), top: TOP_CLINICIANS });

  return (
    <section>
      <h1 className="text-2xl font-semibold">Rapporter</h1>
      <p className="mt-1 text-slate-700">
        {scope.period.label} ({formatNorwegianDate(scope.period.from)}–{formatNorwegianDate(scope.period.to)}),{" "}
        {scope.units.length === 1 ? scope.units[0].name : `${scope.units.length} enheter`}
        {scope.type ? `, ${scope.type}` : ""}. Nasjonalt mål: 80 % innen anbefalt tid. Tallene er regnet av regelmotoren per {formatNorwegianDate(now)}.
      </p>
      <p className="mt-1 text-sm text-slate-700 sm:hidden">På en smal skjerm viser tabellene de første kolonnene. Hele tabellene ser du på en bredere skjerm eller i CSV-filene.</p>
      {problems.length > 0 && (
        <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-red-900">
          Noen valg i adressen var ugyldige og er nullstilt: {problems.join(" ")}
        </div>
      )}
      <ReportFilters filters={filters} units={allUnits} action="/rapporter" />
      <ReportView data={data} />
    </section>
  );
}
