import Link from "next/link";
import { NOTICE_MESSAGES, INDICATOR_KINDS, INVOLVEMENT_INDICATORS, type NoticeId } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { unitOptionsFor } from "@/server/units/options";
import { reportFilterSchema, reportSearchParams, withKnownUnit, type ReportFilters as Filters } from "@/server/reports/filters";
import { codingLagReport, complianceReport, LATE_BUCKETS, qualityReport, reportScope, trendReport, type CodingLag, type Share } from "@/server/reports/queries";
import { changeText, CODING_LAG_CAP_DAYS, CODING_LAG_LATE_DAYS, shareChange } from "@/domain/reports/compare";
import { INVOLVEMENT_LABELS, KIND_LABELS } from "@/domain/reports/labels";
import { breaches } from "@/domain/reports/breaches";
import { belowTarget, percent } from "./format";
import { ReportFilters } from "./ReportFilters";
import { TrendChart } from "./TrendChart";
import { ListLink } from "@/features/shell/ListLink";

type SearchParams = Record<string, string | string[] | undefined>;

const TH = "p-2 text-left";
const TD = "p-2 tabular-nums";

function parseFilters(params: SearchParams) {
  const parsed = reportFilterSchema.safeParse(params);
  if (parsed.success) return { filters: parsed.data, problems: [] as string[] };
  return { filters: reportFilterSchema.parse({}), problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
}

/** NPR's text for a notice; an id the table does not know is shown as such rather than hidden. */
function noticeText(id: string): string {
  return NOTICE_MESSAGES[id as NoticeId] ?? `Ukjent oppmerksomhet (${id})`;
}

function CountLink({ value, href, label }: { value: number; href: string; label: string }) {
  return (
    <ListLink href={href} className="text-blue-800 underline" aria-label={`${value} – ${label}, vis forløpene`}>
      {value}
    </ListLink>
  );
}

function Csv({ filters, table }: { filters: Filters; table: string }) {
  return (
    <a href={`/rapporter/eksport?${reportSearchParams(filters, { tabell: table })}`} className="no-print text-sm text-blue-800 underline" download>
      Last ned CSV
    </a>
  );
}

function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-300">
        {labels.map((label) => (
          <th key={label} scope="col" className={TH}>{label}</th>
        ))}
      </tr>
    </thead>
  );
}

function SectionHeading({ id, title, filters, table }: { id: string; title: string; filters: Filters; table: string }) {
  return (
    <div className="mt-8 flex flex-wrap items-baseline justify-between gap-2">
      <h2 id={id} className="text-xl font-semibold">{title}</h2>
      <Csv filters={filters} table={table} />
    </div>
  );
}

function PreviousCells({ current, previous }: { current: Share; previous: Share }) {
  return (
    <>
      <td className={TD}>
        {percent(previous.share)} <span className="text-slate-700">({previous.numerator} av {previous.denominator})</span>
      </td>
      <td className={TD}>{changeText(shareChange(current.share, previous.share))}</td>
    </>
  );
}

const days = (n: number | null) =>
  n === null ? "–" : n >= CODING_LAG_CAP_DAYS ? "over ett år" : `${n} ${Math.abs(n) === 1 ? "dag" : "dager"}`;

function LagTable({ caption, first, rows, testId }: { caption: string; first: string; rows: CodingLag[]; testId: string }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="phone-priority w-full border-collapse bg-white text-sm" data-testid={testId}>
        <caption className="text-left font-medium">{caption}</caption>
        <HeaderRow labels={[first, "Hendelser", "Median", `Over ${CODING_LAG_LATE_DAYS} dager`, `Andel over ${CODING_LAG_LATE_DAYS} dager`]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200">
              <th scope="row" className={`${TH} font-normal`}>{r.name}</th>
              <td className={TD}>{r.events}</td>
              <td className={TD}>{days(r.median)}</td>
              <td className={TD}>{r.late}</td>
              <td className={TD}>{percent(r.lateShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
  const previousLabel = `${formatNorwegianDate(compliance.previous.from)}–${formatNorwegianDate(compliance.previous.to)}`;
  const drill = (extra: Record<string, string | undefined>) => `/rapporter/forlop?${reportSearchParams(filters, extra)}`;
  const allUnits = await unitOptionsFor(actor);
  const shareCell = (s: Share) => (
    <td className={`${TD} ${belowTarget(s.share) ? "font-semibold text-red-900" : ""}`}>{percent(s.share)}</td>
  );

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

      <section aria-labelledby="compliance-heading">
        <SectionHeading id="compliance-heading" title="Innen anbefalt tid" filters={filters} table="etterlevelse" />
        <table className="phone-priority mt-2 w-full border-collapse bg-white text-sm">
          <HeaderRow labels={["Indikator", "Andel", "Innenfor", "Målt", "Brudd, tjenesten", "Brudd, pasientutsatt", "Forrige periode", "Endring"]} />
          <tbody>
            {INDICATOR_KINDS.map((kind) => {
              const s = compliance.total[kind];
              return (
                <tr key={kind} className="border-b border-slate-200" data-testid={`compliance-${kind}`}>
                  <th scope="row" className={`${TH} font-normal`}>{KIND_LABELS[kind]}</th>
                  {shareCell(s)}
                  <td className={TD}><CountLink value={s.numerator} href={drill({ hva: "frist", kind, utfall: "innenfor" })} label={`${KIND_LABELS[kind]}, innenfor`} /></td>
                  <td className={TD}><CountLink value={s.denominator} href={drill({ hva: "frist", kind })} label={`${KIND_LABELS[kind]}, målt`} /></td>
                  <td className={TD}><CountLink value={s.service} href={drill({ hva: "frist", kind, utfall: "tjeneste" })} label={`${KIND_LABELS[kind]}, brudd tjenesten`} /></td>
                  <td className={TD}><CountLink value={s.patient} href={drill({ hva: "frist", kind, utfall: "pasient" })} label={`${KIND_LABELS[kind]}, pasientutsatt`} /></td>
                  <PreviousCells current={s} previous={compliance.previous.total[kind]} />
                </tr>
              );
            })}
            <tr className="border-b border-slate-200" data-testid="compliance-feedback">
              <th scope="row" className={`${TH} font-normal`}>Tilbakemelding til henviser etter klinisk beslutning</th>
              <td className={TD}>{percent(compliance.feedback.total.share)}</td>
              <td className={TD}><CountLink value={compliance.feedback.total.numerator} href={drill({ hva: "tilbakemelding", utfall: "med" })} label="beslutninger med tilbakemelding" /></td>
              <td className={TD}><CountLink value={compliance.feedback.total.denominator} href={drill({ hva: "tilbakemelding" })} label="kliniske beslutninger" /></td>
              <td className={TD}><CountLink value={compliance.feedback.total.denominator - compliance.feedback.total.numerator} href={drill({ hva: "tilbakemelding", utfall: "uten" })} label="beslutninger uten tilbakemelding" /></td>
              <td className={TD}>–</td>
              <td className={TD}>–</td>
              <td className={TD}>–</td>
            </tr>
            {INVOLVEMENT_INDICATORS.map((indicator) => {
              const s = compliance.involvement.total[indicator];
              const label = INVOLVEMENT_LABELS[indicator];
              return (
                <tr key={indicator} className="border-b border-slate-200" data-testid={`involvement-${indicator}`}>
                  <th scope="row" className={`${TH} font-normal`}>{label}</th>
                  <td className={TD}>{percent(s.share)}</td>
                  <td className={TD}><CountLink value={s.numerator} href={drill({ hva: "involvering", indikator: indicator, utfall: "med" })} label={`${label}, med aktiviteten`} /></td>
                  <td className={TD}><CountLink value={s.denominator} href={drill({ hva: "involvering", indikator: indicator })} label={`${label}, forløp med behandlingsbeslutning`} /></td>
                  <td className={TD}><CountLink value={s.denominator - s.numerator} href={drill({ hva: "involvering", indikator: indicator, utfall: "uten" })} label={`${label}, uten aktiviteten`} /></td>
                  <td className={TD}>–</td>
                  <td className={TD}>–</td>
                  <td className={TD}>–</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-1 text-sm text-slate-700">
          En frist telles i perioden den ble avgjort: på datoen den ble oppfylt, eller på forfallsdatoen hvis den ikke er oppfylt. Involvering
          gjelder forløp med behandlingsbeslutning (klinisk beslutning P eller T) i perioden: andelen med utført aktivitet (U) med koden for
          aktiviteten innen periodens slutt. Aktivitetskodene er lokale (ikke bekreftet av Helsedirektoratet). Forrige periode er like
          lang og slutter dagen før denne begynner (<span data-testid="previous-period">{previousLabel}</span>); endringen er i prosentpoeng (pp).
        </p>
      </section>

      <section aria-labelledby="clinicians-heading">
        <SectionHeading id="clinicians-heading" title="Innen anbefalt tid per ansvarlig behandler" filters={filters} table="ansvarlige" />
        <div className="mt-2 overflow-x-auto">
          <table className="phone-priority w-full border-collapse bg-white text-sm" data-testid="compliance-by-clinician">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={TH}>Ansvarlig behandler</th>
                {INDICATOR_KINDS.map((kind) => (
                  <th key={kind} scope="col" className={TH}>{KIND_LABELS[kind]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {compliance.byClinician.map((c) => (
                <tr key={c.id ?? "none"} className="border-b border-slate-200">
                  <th scope="row" className={`${TH} font-normal`}>{c.name}</th>
                  {INDICATOR_KINDS.map((kind) => {
                    const s = c.byKind[kind];
                    return (
                      <td key={kind} className={`${TD} ${belowTarget(s.share) ? "font-semibold text-red-900" : ""}`}>
                        {percent(s.share)} <span className="font-normal text-slate-700">({s.numerator} av {s.denominator})</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-1 text-sm text-slate-700">
          Fristene som ble avgjort i perioden, fordelt på forløpets ansvarlige behandler slik forløpet står nå.
        </p>
      </section>

      <section aria-labelledby="breaches-heading">
        <SectionHeading id="breaches-heading" title="Fristbrudd (juridisk frist)" filters={filters} table="fristbrudd" />
        <table className="phone-priority mt-2 w-full border-collapse bg-white text-sm">
          <HeaderRow labels={["Enhet", "Fristbrudd", "Andel fristbrudd", "Juridiske frister målt", "Tjenesten", "Pasientutsatt"]} />
          <tbody>
            {[...scope.units.map((u) => ({ id: u.id as string | undefined, name: u.name, s: compliance.byUnit[u.id].care_start })), { id: undefined, name: "Alle valgte enheter", s: compliance.total.care_start }].map(({ id, name, s }) => {
              const b = breaches(s);
              const link = (utfall?: string) => drill({ hva: "frist", kind: "care_start", utfall, enhetsrad: id });
              return (
                <tr key={id ?? "total"} className="border-b border-slate-200" data-testid={`breaches-${id ?? "total"}`}>
                  <th scope="row" className={`${TH} ${id ? "font-normal" : "font-semibold"}`}>{name}</th>
                  <td className={`${TD} ${b.count > 0 ? "font-semibold text-red-900" : ""}`}><CountLink value={b.count} href={link("brudd")} label={`${name}: fristbrudd`} /></td>
                  <td className={TD}>{percent(b.share)}</td>
                  <td className={TD}><CountLink value={s.denominator} href={link()} label={`${name}: juridiske frister målt`} /></td>
                  <td className={TD}><CountLink value={s.service} href={link("tjeneste")} label={`${name}: fristbrudd, tjenesten`} /></td>
                  <td className={TD}><CountLink value={s.patient} href={link("pasient")} label={`${name}: fristbrudd, pasientutsatt`} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-1 text-sm text-slate-700">
          Juridisk frist (pasient- og brukerrettighetsloven § 2-2) settes ved vurderingen av henvisningen for pasienter med rett til nødvendig
          helsehjelp. Fristen er overholdt når første frammøte (M) er senest på fristdatoen; ellers er det et fristbrudd, som telles på
          datoen for første frammøte, eller på fristdatoen hvis pasienten ennå ikke har møtt. Pasientutsatt: en pasientutsettelse (L) ligger
          mellom vurderingen og første frammøte.
        </p>
      </section>

      <section aria-labelledby="late-heading">
        <SectionHeading id="late-heading" title="Hvor mye for sent" filters={filters} table="forsinkelse" />
        <table className="phone-priority mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={TH}>Frist</th>
              {LATE_BUCKETS.map((b) => (
                <th key={b} scope="col" className={TH}>{b === ">28" ? "Over 28 dager" : `${b} dager`}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {INDICATOR_KINDS.map((kind) => (
              <tr key={kind} className="border-b border-slate-200">
                <th scope="row" className={`${TH} font-normal`}>{KIND_LABELS[kind]}</th>
                {LATE_BUCKETS.map((b) => (
                  <td key={b} className={TD}>
                    <CountLink value={compliance.total[kind].late[b]} href={drill({ hva: "frist", kind, utfall: b })} label={`${KIND_LABELS[kind]}, ${b} dager for sent`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {scope.units.length > 1 && (
        <section aria-labelledby="units-heading">
          <SectionHeading id="units-heading" title="Enhetene side om side" filters={filters} table="enheter" />
          <table className="phone-priority mt-2 w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className={TH}>Enhet</th>
                {INDICATOR_KINDS.map((kind) => (
                  <th key={kind} scope="col" className={TH}>{KIND_LABELS[kind]}</th>
                ))}
                <th scope="col" className={TH}>Tilbakemelding til henviser</th>
              </tr>
            </thead>
            <tbody>
              {scope.units.map((unit) => (
                <tr key={unit.id} className="border-b border-slate-200">
                  <th scope="row" className={`${TH} font-normal`}>{unit.name}</th>
                  {INDICATOR_KINDS.map((kind) => {
                    const s = compliance.byUnit[unit.id][kind];
                    return (
                      <td key={kind} className={`${TD} ${belowTarget(s.share) ? "font-semibold text-red-900" : ""}`}>
                        {percent(s.share)}{" "}
                        <ListLink href={drill({ hva: "frist", kind, enhetsrad: unit.id })} className="font-normal text-blue-800 underline" aria-label={`${unit.name}: ${s.denominator} målt, vis forløpene`}>
                          ({s.numerator}/{s.denominator})
                        </ListLink>
                      </td>
                    );
                  })}
                  <td className={TD}>{percent(compliance.feedback.byUnit[unit.id].share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="trend-heading">
        <SectionHeading id="trend-heading" title="Utvikling siste 12 måneder" filters={filters} table="trend" />
        <TrendChart series={trend.series} />
      </section>

      <section aria-labelledby="lag-heading">
        <SectionHeading id="lag-heading" title="Kodeforsinkelse" filters={filters} table="kodeforsinkelse" />
        <p className="mt-1 text-sm text-slate-700">
          Dager fra den kliniske datoen til hendelsen ble registrert (norsk dato), for hendelsene med klinisk dato i perioden. Sen koding
          forskyver alle de andre tallene: en frist kan se åpen ut til koden er registrert.
        </p>
        <LagTable caption="Per enhet" first="Enhet" rows={codingLag.byUnit} testId="coding-lag-units" />
        <LagTable caption="Per behandler (den som registrerte hendelsen)" first="Behandler" rows={codingLag.byClinician} testId="coding-lag-clinicians" />
      </section>

      <section aria-labelledby="quality-heading">
        <SectionHeading id="quality-heading" title="Datakvalitet" filters={filters} table="merknader" />
        <p className="mt-1" data-testid="quality-summary">
          {quality.notices} oppmerksomheter på {quality.events} hendelser:{" "}
          <strong>{quality.per100 === null ? "–" : quality.per100.toFixed(1).replace(".", ",")} per 100 hendelser</strong>.{" "}
          {quality.explained} er forklart,{" "}
          <Link href={drill({ hva: "merknad", forklart: "nei" })} className="text-blue-800 underline">{quality.notices - quality.explained} er ikke forklart</Link>.
        </p>
        <table className="phone-priority mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={TH}>Oppmerksomhet</th>
              <th scope="col" className={TH}>Antall</th>
              <th scope="col" className={TH}>Forklart</th>
              <th scope="col" className={TH}>Ikke forklart</th>
            </tr>
          </thead>
          <tbody>
            {quality.byNotice.map((n) => {
              // the Norwegian text, never the internal id, also for screen readers
              const text = noticeText(n.noticeId);
              return (
                <tr key={n.noticeId} className="border-b border-slate-200">
                  <th scope="row" className={`${TH} font-normal`}>{text}</th>
                  <td className={TD}><CountLink value={n.total} href={drill({ hva: "merknad", merknad: n.noticeId })} label={text} /></td>
                  <td className={TD}><CountLink value={n.explained} href={drill({ hva: "merknad", merknad: n.noticeId, forklart: "ja" })} label={`${text}, forklart`} /></td>
                  <td className={TD}><CountLink value={n.total - n.explained} href={drill({ hva: "merknad", merknad: n.noticeId, forklart: "nei" })} label={`${text}, ikke forklart`} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="mt-4 flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-lg font-semibold">Per behandler (den som registrerte hendelsen)</h3>
          <Csv filters={filters} table="behandlere" />
        </div>
        <table className="phone-priority mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className={TH}>Behandler</th>
              <th scope="col" className={TH}>Hendelser</th>
              <th scope="col" className={TH}>Oppmerksomheter</th>
              <th scope="col" className={TH}>Per 100 hendelser</th>
            </tr>
          </thead>
          <tbody>
            {quality.clinicians.map((c) => (
              <tr key={c.id} className="border-b border-slate-200">
                <th scope="row" className={`${TH} font-normal`}>{c.name}</th>
                <td className={TD}>{c.events}</td>
                <td className={TD}><CountLink value={c.notices} href={drill({ hva: "merknad", behandler: c.id })} label={`${c.name}, oppmerksomheter`} /></td>
                <td className={TD}>{c.per100 === null ? "–" : c.per100.toFixed(1).replace(".", ",")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
