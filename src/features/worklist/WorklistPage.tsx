import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { can } from "@/domain/permissions";
import { addCalendarDays } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { unitChoicesFor } from "@/server/units/options";
import { filtersToSearchParams, REASON_FILTERS, SORTS, worklistFilterSchema, type WorklistFilters as Filters } from "@/server/worklist/filters";
import { listWorklist, PAGE_SIZE, pageNumber, worklistSummary } from "@/server/worklist/query";
import { parseCursor } from "@/server/worklist/where";
import { worklistRowData } from "./row-data";
import { WorklistTable } from "./WorklistTable";
import { WorklistAnnouncer } from "./WorklistAnnouncer";
import { WorklistFilters, type FilterValues } from "./WorklistFilters";
import { WorklistSummary } from "./WorklistSummary";
import { summaryData } from "./summary-data";
import { ListLink } from "@/features/shell/ListLink";

type SearchParams = Record<string, string | string[] | undefined>;

/** Bad URL parameters fall back to the defaults, with a message saying so. */
function parseFilters(params: SearchParams): { filters: Filters; problems: string[] } {
  const parsed = worklistFilterSchema.safeParse(params);
  if (parsed.success) return { filters: parsed.data, problems: [] };
  return { filters: worklistFilterSchema.parse({}), problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
}

/** The filters the form shows, without the page's cursor; an absent one left out (the payload spells it "$undefined"). */
function filterValues(filters: Filters): FilterValues {
  const values: FilterValues = { horisont: filters.horisont, sortering: filters.sortering };
  for (const key of ["enhet", "type", "setting", "behandler", "grunn"] as const) if (filters[key] !== undefined) values[key] = filters[key];
  return values;
}

export async function WorklistPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("worklist.view");
  const params = await searchParams;
  // a next-page link this app did not make (mangled, copied in part): app/arbeidsliste/not-found.tsx, 404
  const cursor = Array.isArray(params.etter) ? params.etter[0] : params.etter;
  if (cursor && !parseCursor(cursor)) notFound();
  const { filters, problems } = parseFilters(params);
  // the GET form sends every field, empty or not: show the list at its clean address
  if (problems.length === 0 && Object.values(params).some((v) => v === "" || (Array.isArray(v) && v.includes("")))) {
    const clean = filtersToSearchParams(filters).toString();
    redirect(clean ? `/arbeidsliste?${clean}` : "/arbeidsliste");
  }
  const now = today();
  const [{ units, chosen }, { rows, nextCursor }, summary] = await Promise.all([
    unitChoicesFor(actor, filters.behandler),
    listWorklist(actor, filters, now),
    worklistSummary(actor, filters, now),
  ]);
  // the units' clinicians are asked for by the selects that show them (clinicians.ts): only the filter's choice goes with the page
  const choices = {
    units: units.map((u): [string, string] => [u.id, u.name]),
    reasons: Object.entries(REASON_FILTERS).map(([slug, r]): [string, string] => [slug, r.label]),
    sorts: Object.entries(SORTS),
    chosen,
  };
  const grouped = filters.sortering === "grunn";
  // no "Registrer kode" link into a unit whose codes the EPJ holds (its pathway page has no form)
  const codedInEpj = new Set(units.filter((u) => u.codesRecordedIn === "EPJ").map((u) => u.id));
  const role = actor.user.role;
  const allowed = {
    assign: can(role, "pathway.assign"),
    explain: can(role, "notice.explain"),
    postpone: can(role, "worklist.postpone"),
    code: can(role, "event.create"),
  };
  const exportQuery = filtersToSearchParams(filters, { etter: undefined });
  const page = pageNumber(filters);
  const pages = Math.max(1, Math.ceil(summary.total / PAGE_SIZE));
  return (
    <section>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Arbeidsliste</h1>
        {can(role, "export.csv") && (
          <a href={`/arbeidsliste/eksport?${exportQuery}`} className="text-blue-800 underline" download>
            Last ned som CSV (Excel)
          </a>
        )}
      </div>
      <p className="mt-1 text-slate-700">
        Forløp i dine enheter som trenger handling, de som haster mest først. I dag er {formatNorwegianDate(now)}.
      </p>
      {problems.length > 0 && (
        <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-red-900">
          Noen filtre i adressen var ugyldige og er nullstilt: {problems.join(" ")}
        </div>
      )}
      <WorklistFilters filters={filterValues(filters)} choices={choices} />
      <WorklistSummary data={summaryData(summary, filters)} />
      <div className="mt-4 flex flex-wrap items-baseline justify-between gap-2">
        <p data-testid="worklist-total" className="font-medium">
          {summary.total} {summary.total === 1 ? "rad" : "rader"}
          {summary.total > 0 && <span className="text-slate-700"> · side {page} av {pages}</span>}
        </p>
        <ListLink href="/arbeidsliste/utsatt" className="text-blue-800 underline">
          Utsatte rader
        </ListLink>
      </div>
      <WorklistAnnouncer />
      {rows.length === 0 ? (
        <p className="mt-4">Ingen forløp trenger handling med disse filtrene.</p>
      ) : (
        <WorklistTable
          packed={worklistRowData(rows, { today: now, grouped, unitNames: units.length > 1, codeHere: (unitId) => !codedInEpj.has(unitId) })}
          grouped={grouped}
          caption={`Forløp som trenger handling, ${
            grouped
              ? "mest akutt først: brudd på pasientrettigheter, forfalte frister, frister innen horisonten, oppfølging, oppmerksomheter"
              : "etter frist, oppmerksomheter til slutt"
          }`}
          actions={{ allowed, tomorrow: addCalendarDays(now, 1) }}
        />
      )}
      <nav aria-label="Sider" className="mt-4 flex gap-4">
        {filters.etter && (
          <Link href={`/arbeidsliste?${filtersToSearchParams(filters, { etter: undefined })}`} className="text-blue-800 underline">
            Første side
          </Link>
        )}
        {nextCursor && (
          <Link href={`/arbeidsliste?${filtersToSearchParams(filters, { etter: nextCursor })}`} className="text-blue-800 underline">
            Neste side<span className="sr-only"> (side {page + 1} av {pages})</span>
          </Link>
        )}
      </nav>
    </section>
  );
}
