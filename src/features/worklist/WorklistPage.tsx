import { Fragment } from "react";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { can } from "@/domain/permissions";
import { addCalendarDays, PHASE_LABELS, type Phase } from "@/domain/rules";
import { REASON_LABELS } from "@/domain/worklist";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { unitOptionsFor } from "@/server/units/options";
import { filtersToSearchParams, groupOf, REASON_FILTERS, worklistFilterSchema, type WorklistFilters as Filters } from "@/server/worklist/filters";
import { listWorklist, PAGE_SIZE, pageNumber, worklistSummary } from "@/server/worklist/query";
import { parseCursor } from "@/server/worklist/where";
import { TONE_CLASSES } from "@/features/pathway/tone-classes";
import { rowStatus } from "@/domain/worklist/row-status";
import { RowActions } from "./RowActions";
import { BULK_ASSIGN_FORM, BulkAssign } from "./BulkAssign";
import { WorklistAnnouncer } from "./WorklistAnnouncer";
import { WorklistFilters } from "./WorklistFilters";
import { WorklistSummary } from "./WorklistSummary";
import { ListLink } from "@/features/shell/ListLink";

type SearchParams = Record<string, string | string[] | undefined>;

/** Bad URL parameters fall back to the defaults, with a message saying so. */
function parseFilters(params: SearchParams): { filters: Filters; problems: string[] } {
  const parsed = worklistFilterSchema.safeParse(params);
  if (parsed.success) return { filters: parsed.data, problems: [] };
  return { filters: worklistFilterSchema.parse({}), problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
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
  const [units, { rows, nextCursor }, summary] = await Promise.all([
    unitOptionsFor(actor),
    listWorklist(actor, filters, now),
    worklistSummary(actor, filters, now),
  ]);
  const cliniciansByUnit = new Map(units.map((u) => [u.id, u.clinicians]));
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
      <WorklistFilters filters={filters} units={units} />
      <WorklistSummary summary={summary} filters={filters} />
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
      {allowed.assign && rows.length > 0 && <BulkAssign units={units.map((u) => ({ id: u.id, name: u.name, clinicians: u.clinicians }))} />}
      {rows.length === 0 ? (
        <p className="mt-4">Ingen forløp trenger handling med disse filtrene.</p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-left text-sm max-sm:block">
          <caption className="sr-only">
            Forløp som trenger handling,{" "}
            {filters.sortering === "grunn"
              ? "mest akutt først: brudd på pasientrettigheter, forfalte frister, frister innen horisonten, oppfølging, oppmerksomheter"
              : "etter frist, oppmerksomheter til slutt"}
          </caption>
          <thead className="max-sm:sr-only">
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-1">Hva er galt</th>
              <th scope="col" className="px-2 py-1">Frist</th>
              <th scope="col" className="px-2 py-1">Pasient</th>
              <th scope="col" className="px-2 py-1">Forløp</th>
              <th scope="col" className="px-2 py-1">Ansvarlig</th>
              <th scope="col" className="px-2 py-1">Handlinger</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {rows.map((row, i) => {
              const status = rowStatus(row, now);
              const group = groupOf(row.reason, row.dueOn, now);
              const newGroup = filters.sortering === "grunn" && (i === 0 || groupOf(rows[i - 1].reason, rows[i - 1].dueOn, now) !== group);
              return (
                <Fragment key={row.id}>
                {newGroup && (
                  <tr className="bg-slate-100 max-sm:block">
                    <th scope="colgroup" colSpan={6} className="px-2 py-1 text-left font-semibold max-sm:block">
                      {REASON_FILTERS[group].label}
                    </th>
                  </tr>
                )}
                <tr className="border-b border-slate-200 align-top max-sm:block max-sm:py-2" data-testid="worklist-row">
                  <td className="px-2 py-1 max-sm:block max-sm:py-0.5">
                    {filters.sortering !== "grunn" && <span className="font-medium">{REASON_LABELS[row.reason]}: </span>}
                    {row.description}
                  </td>
                  <td className="px-2 py-1 whitespace-nowrap max-sm:block max-sm:py-0.5">
                    {status.daysLeft !== null && <>{formatNorwegianDate(row.dueOn)} </>}
                    <span className={`rounded border px-1 ${TONE_CLASSES[status.tone]}`}>{status.text}</span>
                  </td>
                  <td className="px-2 py-1 max-sm:block max-sm:py-0.5">
                    {allowed.assign && (
                      <input
                        type="checkbox"
                        form={BULK_ASSIGN_FORM}
                        name="pathwayId"
                        value={row.pathwayId}
                        aria-label={`Velg ${row.patientName} (${REASON_LABELS[row.reason]})`}
                        className="mr-2 align-middle"
                      />
                    )}
                    <ListLink href={`/forlop/${row.pathwayId}`} className="font-medium text-blue-800 underline">
                      {row.patientName}
                    </ListLink>{" "}
                    <span className="whitespace-nowrap font-mono text-slate-700">{row.maskedId}</span>
                  </td>
                  <td className="px-2 py-1 max-sm:block max-sm:py-0.5">
                    {row.type} {row.setting === "DOGN" ? "døgn" : "poliklinikk"}, {row.phase ? PHASE_LABELS[row.phase as Phase] ?? row.phase : "–"}
                    {units.length > 1 && <span className="text-slate-700"> · {row.unit.name}</span>}
                  </td>
                  <td className="px-2 py-1 max-sm:block max-sm:py-0.5"><span className="sm:hidden">Ansvarlig: </span>{row.clinician?.name ?? <span className="text-red-900">Ingen</span>}</td>
                  <td className="px-2 py-1 max-sm:block max-sm:py-0.5">
                    <RowActions
                      pathwayId={row.pathwayId}
                      itemKey={row.key}
                      isNotice={row.noticeId !== null}
                      patientName={row.patientName}
                      clinicianId={row.clinician?.id ?? null}
                      clinicians={cliniciansByUnit.get(row.unit.id) ?? []}
                      allowed={{ ...allowed, code: allowed.code && row.phase !== "closed" && !codedInEpj.has(row.unit.id) }}
                      tomorrow={addCalendarDays(now, 1)}
                    />
                  </td>
                </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
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
