"use client";
import Link from "next/link";
import { INDICATOR_KINDS, INVOLVEMENT_INDICATORS } from "@/domain/rules";
import { changeText, CODING_LAG_LATE_DAYS, shareChange } from "@/domain/reports/compare";
import { INVOLVEMENT_LABELS, KIND_LABELS, LATE_BUCKETS } from "@/domain/reports/labels";
import { breaches } from "@/domain/reports/breaches";
import type { Share } from "@/server/reports/queries";
import { ListLink } from "@/features/shell/ListLink";
import { belowTarget, percent } from "./format";
import { TrendChart } from "./TrendChart";
import { ComplianceByClinician, LagTable, per100Text, QualityByClinician, ShowAll } from "./ClinicianTables";
import { drillHref, unpackKinds, type ReportData } from "./report-data";

// The report page's tables and chart, drawn from numbers (report-data.ts):
// the markup goes once, as HTML, and the page's React payload carries the
// numbers, not an element tree of every cell.

/** A number linking to the pathways behind it: the cell's row and column headers say what it counts. */
function CountLink({ value, href }: { value: number; href: string }) {
  return <ListLink href={href}>{value}</ListLink>;
}

function Csv({ base, table }: { base: string; table: string }) {
  const params = new URLSearchParams(base);
  params.set("tabell", table);
  return (
    <a href={`/rapporter/eksport?${params}`} className="no-print text-sm text-blue-800 underline" download>
      Last ned CSV
    </a>
  );
}

function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">{label}</th>
        ))}
      </tr>
    </thead>
  );
}

function SectionHeading({ id, title, base, table }: { id: string; title: string; base: string; table: string }) {
  return (
    <div className="mt-8 flex flex-wrap items-baseline justify-between gap-2">
      <h2 id={id} className="text-xl font-semibold">{title}</h2>
      <Csv base={base} table={table} />
    </div>
  );
}

function PreviousCells({ current, previous }: { current: Share; previous: Share }) {
  return (
    <>
      <td>
        {`${percent(previous.share)} `}<span className="n">{`(${previous.numerator} av ${previous.denominator})`}</span>
      </td>
      <td>{changeText(shareChange(current.share, previous.share))}</td>
    </>
  );
}

const shareOf = ([numerator, denominator]: [number, number]) => ({ numerator, denominator, share: denominator ? numerator / denominator : null });

export function ReportView({ data }: { data: ReportData }) {
  const { base } = data;
  const drill = (extra: Record<string, string | undefined>) => drillHref(base, extra);
  const total = unpackKinds(data.total);
  const previous = unpackKinds(data.previous);
  const units = data.units.map((u) => ({ ...u, byKind: unpackKinds(u.kinds) }));
  const feedback = shareOf(data.feedback);
  const shareCell = (s: Share) => (
    <td className={belowTarget(s.share) ? "low" : undefined}>{percent(s.share)}</td>
  );

  return (
    <>
      <section aria-labelledby="compliance-heading">
        <SectionHeading id="compliance-heading" title="Innen anbefalt tid" base={base} table="etterlevelse" />
        <table className="phone-priority report mt-2">
          <HeaderRow labels={["Indikator", "Andel", "Innenfor", "Målt", "Brudd, tjenesten", "Brudd, pasientutsatt", "Forrige periode", "Endring"]} />
          <tbody>
            {INDICATOR_KINDS.map((kind) => {
              const s = total[kind];
              return (
                <tr key={kind} data-testid={`compliance-${kind}`}>
                  <th scope="row">{KIND_LABELS[kind]}</th>
                  {shareCell(s)}
                  <td><CountLink value={s.numerator} href={drill({ hva: "frist", kind, utfall: "innenfor" })} /></td>
                  <td><CountLink value={s.denominator} href={drill({ hva: "frist", kind })} /></td>
                  <td><CountLink value={s.service} href={drill({ hva: "frist", kind, utfall: "tjeneste" })} /></td>
                  <td><CountLink value={s.patient} href={drill({ hva: "frist", kind, utfall: "pasient" })} /></td>
                  <PreviousCells current={s} previous={previous[kind]} />
                </tr>
              );
            })}
            <tr data-testid="compliance-feedback">
              <th scope="row">Tilbakemelding til henviser etter klinisk beslutning</th>
              <td>{percent(feedback.share)}</td>
              <td><CountLink value={feedback.numerator} href={drill({ hva: "tilbakemelding", utfall: "med" })} /></td>
              <td><CountLink value={feedback.denominator} href={drill({ hva: "tilbakemelding" })} /></td>
              <td><CountLink value={feedback.denominator - feedback.numerator} href={drill({ hva: "tilbakemelding", utfall: "uten" })} /></td>
              <td>–</td>
              <td>–</td>
              <td>–</td>
            </tr>
            {INVOLVEMENT_INDICATORS.map((indicator, i) => {
              const s = shareOf(data.involvement[i]);
              const label = INVOLVEMENT_LABELS[indicator];
              return (
                <tr key={indicator} data-testid={`involvement-${indicator}`}>
                  <th scope="row">{label}</th>
                  <td>{percent(s.share)}</td>
                  <td><CountLink value={s.numerator} href={drill({ hva: "involvering", indikator: indicator, utfall: "med" })} /></td>
                  <td><CountLink value={s.denominator} href={drill({ hva: "involvering", indikator: indicator })} /></td>
                  <td><CountLink value={s.denominator - s.numerator} href={drill({ hva: "involvering", indikator: indicator, utfall: "uten" })} /></td>
                  <td>–</td>
                  <td>–</td>
                  <td>–</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-1 text-sm text-slate-700">
          En frist telles i perioden den ble avgjort: på datoen den ble oppfylt, eller på forfallsdatoen hvis den ikke er oppfylt. Involvering
          gjelder forløp med behandlingsbeslutning (klinisk beslutning P eller T) i perioden: andelen med utført aktivitet (U) med koden for
          aktiviteten innen periodens slutt. Aktivitetskodene er lokale (ikke bekreftet av Helsedirektoratet). Forrige periode er like
          lang og slutter dagen før denne begynner (<span data-testid="previous-period">{data.previousLabel}</span>); endringen er i prosentpoeng (pp).
        </p>
      </section>

      <section aria-labelledby="clinicians-heading">
        <SectionHeading id="clinicians-heading" title="Innen anbefalt tid per ansvarlig behandler" base={base} table="ansvarlige" />
        <div className="mt-2 overflow-x-auto">
          <ComplianceByClinician data={data.clinicians} />
        </div>
        <ShowAll table="ansvarlige" shown={data.clinicians.rows.length} total={data.clinicians.total} base={base} what="ansvarlige behandlere" />
        <p className="mt-1 text-sm text-slate-700">
          Fristene som ble avgjort i perioden, fordelt på forløpets ansvarlige behandler slik forløpet står nå. Flest brutte frister først.
        </p>
      </section>

      <section aria-labelledby="breaches-heading">
        <SectionHeading id="breaches-heading" title="Fristbrudd (juridisk frist)" base={base} table="fristbrudd" />
        <table className="phone-priority report mt-2">
          <HeaderRow labels={["Enhet", "Fristbrudd", "Andel fristbrudd", "Juridiske frister målt", "Tjenesten", "Pasientutsatt"]} />
          <tbody>
            {[...units.map((u) => ({ id: u.id as string | undefined, name: u.name, s: u.byKind.care_start })), { id: undefined, name: "Alle valgte enheter", s: total.care_start }].map(({ id, name, s }) => {
              const b = breaches(s);
              const link = (utfall?: string) => drill({ hva: "frist", kind: "care_start", utfall, enhetsrad: id });
              return (
                <tr key={id ?? "total"} data-testid={`breaches-${id ?? "total"}`}>
                  <th scope="row" className={id ? undefined : "font-semibold"}>{name}</th>
                  <td className={b.count > 0 ? "low" : undefined}><CountLink value={b.count} href={link("brudd")} /></td>
                  <td>{percent(b.share)}</td>
                  <td><CountLink value={s.denominator} href={link()} /></td>
                  <td><CountLink value={s.service} href={link("tjeneste")} /></td>
                  <td><CountLink value={s.patient} href={link("pasient")} /></td>
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
        <SectionHeading id="late-heading" title="Hvor mye for sent" base={base} table="forsinkelse" />
        <table className="phone-priority report mt-2">
          <HeaderRow labels={["Frist", ...LATE_BUCKETS.map((b) => (b === ">28" ? "Over 28 dager" : `${b} dager`))]} />
          <tbody>
            {INDICATOR_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{KIND_LABELS[kind]}</th>
                {LATE_BUCKETS.map((b) => (
                  <td key={b}>
                    <CountLink value={total[kind].late[b]} href={drill({ hva: "frist", kind, utfall: b })} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {units.length > 1 && (
        <section aria-labelledby="units-heading">
          <SectionHeading id="units-heading" title="Enhetene side om side" base={base} table="enheter" />
          <table className="phone-priority report mt-2">
            <HeaderRow labels={["Enhet", ...INDICATOR_KINDS.map((kind) => KIND_LABELS[kind]), "Tilbakemelding til henviser"]} />
            <tbody>
              {units.map((unit) => (
                <tr key={unit.id}>
                  <th scope="row">{unit.name}</th>
                  {INDICATOR_KINDS.map((kind) => {
                    const s = unit.byKind[kind];
                    return (
                      <td key={kind} className={belowTarget(s.share) ? "low" : undefined}>
                        {`${percent(s.share)} `}
                        <ListLink href={drill({ hva: "frist", kind, enhetsrad: unit.id })} className="n">{`(${s.numerator}/${s.denominator})`}</ListLink>
                      </td>
                    );
                  })}
                  <td>{percent(shareOf(unit.feedback).share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="trend-heading">
        <SectionHeading id="trend-heading" title="Utvikling siste 12 måneder" base={base} table="trend" />
        <TrendChart series={data.trend.map((t) => ({ month: t.month, byKind: unpackKinds(t.kinds) }))} />
      </section>

      <section aria-labelledby="lag-heading">
        <SectionHeading id="lag-heading" title="Kodeforsinkelse" base={base} table="kodeforsinkelse" />
        <p className="mt-1 text-sm text-slate-700">
          Dager fra den kliniske datoen til hendelsen ble registrert (norsk dato), for hendelsene med klinisk dato i perioden. Sen koding
          forskyver alle de andre tallene: en frist kan se åpen ut til koden er registrert.
        </p>
        <div className="mt-3 overflow-x-auto">
          <LagTable caption="Per enhet" first="Enhet" rows={data.lagUnits} testId="coding-lag-units" />
        </div>
        <div className="mt-3 overflow-x-auto">
          <LagTable caption="Per behandler (den som registrerte hendelsen)" first="Behandler" rows={data.lagClinicians.rows} testId="coding-lag-clinicians" limit={data.lagClinicians.limit} />
        </div>
        <ShowAll table="kodeforsinkelse" shown={data.lagClinicians.rows.length} total={data.lagClinicians.total} base={base} what="behandlere" />
        <p className="mt-1 text-sm text-slate-700">Per behandler: flest hendelser registrert over {CODING_LAG_LATE_DAYS} dager for sent først.</p>
      </section>

      <section aria-labelledby="quality-heading">
        <SectionHeading id="quality-heading" title="Datakvalitet" base={base} table="merknader" />
        <p className="mt-1" data-testid="quality-summary">
          {data.quality.notices} oppmerksomheter på {data.quality.events} hendelser:{" "}
          <strong>{per100Text(data.quality.per100)} per 100 hendelser</strong>.{" "}
          {data.quality.explained} er forklart,{" "}
          <Link href={drill({ hva: "merknad", forklart: "nei" })} className="text-blue-800 underline">{data.quality.notices - data.quality.explained} er ikke forklart</Link>.
        </p>
        <table className="phone-priority report mt-2">
          <HeaderRow labels={["Oppmerksomhet", "Antall", "Forklart", "Ikke forklart"]} />
          <tbody>
            {data.quality.byNotice.map(([noticeId, text, count, explained]) => (
              // the Norwegian text, never the internal id, also for screen readers
              <tr key={noticeId}>
                <th scope="row">{text}</th>
                <td><CountLink value={count} href={drill({ hva: "merknad", merknad: noticeId })} /></td>
                <td><CountLink value={explained} href={drill({ hva: "merknad", merknad: noticeId, forklart: "ja" })} /></td>
                <td><CountLink value={count - explained} href={drill({ hva: "merknad", merknad: noticeId, forklart: "nei" })} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4 flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-lg font-semibold">Per behandler (den som registrerte hendelsen)</h3>
          <Csv base={base} table="behandlere" />
        </div>
        <div className="mt-2 overflow-x-auto">
          <QualityByClinician data={data.quality.clinicians} base={base} />
        </div>
        <ShowAll table="behandlere" shown={data.quality.clinicians.rows.length} total={data.quality.clinicians.total} base={base} what="behandlere" />
        <p className="mt-1 text-sm text-slate-700">Flest oppmerksomheter først.</p>
      </section>
    </>
  );
}
