import { notFound } from "next/navigation";
import { MANY_PATIENTS_THRESHOLD, MANY_PATIENTS_WINDOW_MINUTES, WORKING_HOURS } from "@/domain/audit/patterns";
import { formatNorwegianDate, formatOsloDateTime } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { auditFilterParams, patternFilterSchema, patternPeriodOf, type PatternPeriod } from "@/server/audit-review/filters";
import { auditPatterns, type PatternCountRow } from "@/server/audit-review/patterns";
import { roleLabel } from "@/server/audit-review/export";
import { FILTER_FIELD } from "@/features/shell/FilterSelect";
import { ListLink } from "@/features/shell/ListLink";

// Patterns worth a look (personvern): three lists of users with counts for a
// period of at most a month. Each user links to the search of their rows in
// the period. A pattern is a reason to look closer, not a finding.

type SearchParams = Record<string, string | string[] | undefined>;

const pad = (n: number) => String(n).padStart(2, "0");

export async function PatternsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("audit.read");
  const parsed = patternFilterSchema.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const period = patternPeriodOf(parsed.data, today());
  const patterns = period.ok ? await auditPatterns(actor, period.period) : null;
  const shown = period.ok ? period.period : { from: parsed.data.fra ?? "", to: parsed.data.til ?? "" };
  return (
    <section>
      <p><ListLink href="/revisjon" className="text-blue-800 underline">← Tilbake til revisjon</ListLink></p>
      <h1 className="mt-2 text-2xl font-semibold">Mønstre verdt en titt</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Et mønster er en grunn til å se nærmere etter, ikke et funn. Velg en periode på høyst en måned.
      </p>
      <form method="get" action="/revisjon/monstre" aria-label="Velg periode" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
        <div>
          <label htmlFor="m-fra" className="block text-sm font-medium">Fra</label>
          <input id="m-fra" name="fra" type="date" defaultValue={shown.from} className={FILTER_FIELD} />
        </div>
        <div>
          <label htmlFor="m-til" className="block text-sm font-medium">Til</label>
          <input id="m-til" name="til" type="date" defaultValue={shown.to} className={FILTER_FIELD} />
        </div>
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">Vis</button>
      </form>
      {!period.ok && <p role="alert" className="mt-3 text-red-900">{period.message}</p>}
      {patterns && (
        <>
          <p className="mt-3">Periode: {formatNorwegianDate(patterns.period.from)}–{formatNorwegianDate(patterns.period.to)}.</p>
          <h2 className="mt-6 text-lg font-semibold">Mange ulike pasienter på kort tid</h2>
          <p className="text-slate-700">Brukere som åpnet eller slo opp minst {MANY_PATIENTS_THRESHOLD} ulike pasienter innenfor {MANY_PATIENTS_WINDOW_MINUTES} minutter.</p>
          {patterns.manyPatients.length === 0 ? <p className="mt-2">Ingen.</p> : (
            <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">Bruker</th>
                  <th scope="col" className="p-2">Rolle</th>
                  <th scope="col" className="p-2">Flest pasienter innen en time</th>
                  <th scope="col" className="p-2">Da</th>
                </tr>
              </thead>
              <tbody>
                {patterns.manyPatients.map((r) => (
                  <tr key={r.userId} className="border-b border-slate-200">
                    <td className="p-2"><UserLink period={patterns.period} userId={r.userId} name={r.userName} /></td>
                    <td className="p-2">{roleLabel(r.userRole)}</td>
                    <td className="p-2">{r.peak}</td>
                    <td className="p-2">{formatOsloDateTime(new Date(r.peakAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <CountTable
            title="Oppslag utenfor arbeidstid"
            intro={`Oppslag i pasientdata før kl. ${pad(WORKING_HOURS.from)}.00 eller fra kl. ${pad(WORKING_HOURS.to)}.00, i helger og på helligdager (norsk tid).`}
            rows={patterns.outsideHours}
            period={patterns.period}
          />
          <CountTable
            title="Oppslag uten eget forløp"
            intro="Brukere som åpnet forløp eller henvisninger til pasienter der de verken er ansvarlig behandler eller forløpskoordinator i noe forløp."
            rows={patterns.noOwnPathway}
            period={patterns.period}
          />
        </>
      )}
    </section>
  );
}

function UserLink({ period, userId, name }: { period: PatternPeriod; userId: string; name: string }) {
  return <ListLink href={`/revisjon?${auditFilterParams({ bruker: userId, fra: period.from, til: period.to })}`} className="text-blue-800 underline">{name}</ListLink>;
}

function CountTable({ title, intro, rows, period }: { title: string; intro: string; rows: PatternCountRow[]; period: PatternPeriod }) {
  return (
    <>
      <h2 className="mt-6 text-lg font-semibold">{title}</h2>
      <p className="text-slate-700">{intro}</p>
      {rows.length === 0 ? <p className="mt-2">Ingen.</p> : (
        <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Bruker</th>
              <th scope="col" className="p-2">Rolle</th>
              <th scope="col" className="p-2">Oppslag</th>
              <th scope="col" className="p-2">Ulike pasienter</th>
              <th scope="col" className="p-2">Sist</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.userId} className="border-b border-slate-200">
                <td className="p-2"><UserLink period={period} userId={r.userId} name={r.userName} /></td>
                <td className="p-2">{roleLabel(r.userRole)}</td>
                <td className="p-2">{r.reads}</td>
                <td className="p-2">{r.patients}</td>
                <td className="p-2">{formatOsloDateTime(new Date(r.lastAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
