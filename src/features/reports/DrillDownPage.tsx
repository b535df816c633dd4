import Link from "next/link";
import { notFound } from "next/navigation";
import { NOTICE_MESSAGES, type NoticeId } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { drillDown, drillDownSchema, DRILL_DOWN_LIMIT, type DrillDown } from "@/server/reports/drill-down";
import { reportFilterSchema, reportSearchParams } from "@/server/reports/filters";
import { INVOLVEMENT_LABELS, KIND_LABELS } from "@/domain/reports/labels";
import { ListLink } from "@/features/shell/ListLink";

type SearchParams = Record<string, string | string[] | undefined>;

const OUTCOME_LABELS: Record<string, string> = {
  alle: "alle målte",
  innenfor: "innen anbefalt tid",
  brudd: "ikke innen anbefalt tid",
  pasient: "brudd, pasientutsatt",
  tjeneste: "brudd, tjenesten",
  "1-7": "1–7 dager for sent",
  "8-14": "8–14 dager for sent",
  "15-28": "15–28 dager for sent",
  ">28": "over 28 dager for sent",
  med: "med tilbakemelding",
  uten: "uten tilbakemelding",
};

const INVOLVEMENT_OUTCOME_LABELS: Record<string, string> = {
  alle: "forløp med behandlingsbeslutning",
  med: "med aktiviteten",
  uten: "uten aktiviteten",
};

function title(q: DrillDown): string {
  if (q.hva === "frist") return `${KIND_LABELS[q.kind]}: ${OUTCOME_LABELS[q.utfall]}${q.maaned ? ` (${q.maaned.slice(0, 7)})` : ""}`;
  if (q.hva === "tilbakemelding") return `Kliniske beslutninger: ${OUTCOME_LABELS[q.utfall]}`;
  if (q.hva === "involvering") return `${INVOLVEMENT_LABELS[q.indikator]}: ${INVOLVEMENT_OUTCOME_LABELS[q.utfall]}`;
  const which = q.merknad ? NOTICE_MESSAGES[q.merknad as NoticeId] ?? q.merknad : "Alle oppmerksomheter";
  return `${which}${q.forklart === "ja" ? " – forklart" : q.forklart === "nei" ? " – ikke forklart" : ""}`;
}

/** The pathways behind a number in the reports; the count is the report's number. */
export async function DrillDownPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("report.view");
  const params = await searchParams;
  const filters = reportFilterSchema.safeParse(params);
  const query = drillDownSchema.safeParse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  // a mangled link: app/rapporter/forlop/not-found.tsx, status 404
  if (!filters.success || !query.success) notFound();
  const now = today();
  const { scope, total, rows } = await drillDown(actor, filters.data, query.data, now);
  return (
    <section>
      <Link href={`/rapporter?${reportSearchParams(filters.data)}`} className="no-print text-blue-800 underline">← Tilbake til rapportene</Link>
      <h1 className="mt-2 text-2xl font-semibold">{title(query.data)}</h1>
      <p className="mt-1 text-slate-700">
        <span data-testid="drill-down-total">{total}</span> {total === 1 ? "forløp" : "forløp"} i {scope.period.label} (
        {formatNorwegianDate(scope.period.from)}–{formatNorwegianDate(scope.period.to)}).
        {total > DRILL_DOWN_LIMIT && ` Viser de første ${DRILL_DOWN_LIMIT}.`}
      </p>
      {rows.length > 0 && (
        <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Pasient</th>
              <th scope="col" className="p-2">Fødselsnr.</th>
              <th scope="col" className="p-2">Enhet</th>
              <th scope="col" className="p-2">Forløp</th>
              <th scope="col" className="p-2">Dato</th>
              <th scope="col" className="p-2">Detaljer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.pathwayId}-${i}`} className="border-b border-slate-200" data-testid="drill-down-row">
                <td className="p-2">
                  <ListLink href={`/forlop/${r.pathwayId}`} className="font-medium text-blue-800 underline">{r.patientName}</ListLink>
                </td>
                <td className="p-2 whitespace-nowrap font-mono">{r.maskedId}</td>
                <td className="p-2">{r.unitName}</td>
                <td className="p-2">{r.type}</td>
                <td className="p-2 whitespace-nowrap">{formatNorwegianDate(r.date)}</td>
                <td className="p-2">
                  {r.daysLate ? `${r.daysLate} dager for sent${r.cause === "patient" ? " (pasientutsatt)" : ""}` : ""}
                  {query.data.hva === "merknad" && r.label ? NOTICE_MESSAGES[r.label as NoticeId] ?? r.label : ""}
                  {query.data.hva === "tilbakemelding" && r.label ? `Utfall ${r.label}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
