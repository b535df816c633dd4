"use client";
import Link from "next/link";
import { INDICATOR_KINDS } from "@/domain/rules";
import { CODING_LAG_CAP_DAYS, CODING_LAG_LATE_DAYS } from "@/domain/reports/compare";
import { KIND_LABELS } from "@/domain/reports/labels";
import { ListLink } from "@/features/shell/ListLink";
import { belowTarget, percent } from "./format";
import { drillHref, unpackShare, type ClinicianCompliance, type ClinicianLag, type ClinicianQuality, type ClinicianTable, type RowsOf } from "./report-data";

// The three per-clinician tables, on the report page (the first few rows) and
// on the page of all rows (app/rapporter/behandlere). Rows come as numbers
// (report-data.ts), so the markup is sent once, as HTML.

export const days = (n: number | null) =>
  n === null ? "–" : n >= CODING_LAG_CAP_DAYS ? "over ett år" : `${n} ${Math.abs(n) === 1 ? "dag" : "dager"}`;

export const per100Text = (n: number | null) => (n === null ? "–" : n.toFixed(1).replace(".", ","));

/** "Vis alle N" under a table that shows the first few, to the page of all rows (same filters). */
export function ShowAll({ table, shown, total, base, what }: { table: ClinicianTable; shown: number; total: number; base: string; what: string }) {
  if (total <= shown) return null;
  const params = new URLSearchParams(base);
  params.set("tabell", table);
  return (
    <p className="mt-1 text-sm">
      Viser de {shown} med mest å følge opp av {total}.{" "}
      <Link href={`/rapporter/behandlere?${params}`} className="text-blue-800 underline" data-testid={`show-all-${table}`}>
        Vis alle {total} {what}
      </Link>
    </p>
  );
}

export function ComplianceByClinician({ data }: { data: RowsOf<ClinicianCompliance> }) {
  return (
    <table className="phone-priority report" data-testid="compliance-by-clinician" data-max-rows={data.limit}>
      <thead>
        <tr>
          <th scope="col">Ansvarlig behandler</th>
          {INDICATOR_KINDS.map((kind) => (
            <th key={kind} scope="col">{KIND_LABELS[kind]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((c) => (
          <tr key={c.id ?? "none"}>
            <th scope="row">{c.name}</th>
            {INDICATOR_KINDS.map((kind, i) => {
              const s = unpackShare(c.byKind[i]);
              return (
                <td key={kind} className={belowTarget(s.share) ? "low" : undefined}>
                  {`${percent(s.share)} `}<span className="n">{`(${s.numerator} av ${s.denominator})`}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LagTable({ caption, first, rows, testId, limit }: { caption: string; first: string; rows: ClinicianLag[]; testId: string; limit?: number }) {
  return (
    <table className="phone-priority report" data-testid={testId} data-max-rows={limit}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {[first, "Hendelser", "Median", `Over ${CODING_LAG_LATE_DAYS} dager`, `Andel over ${CODING_LAG_LATE_DAYS} dager`].map((label) => (
            <th key={label} scope="col">{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            <td>{r.events}</td>
            <td>{days(r.median)}</td>
            <td>{r.late}</td>
            <td>{percent(r.lateShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function QualityByClinician({ data, base }: { data: RowsOf<ClinicianQuality>; base: string }) {
  return (
    <table className="phone-priority report" data-testid="quality-by-clinician" data-max-rows={data.limit}>
      <thead>
        <tr>
          {["Behandler", "Hendelser", "Oppmerksomheter", "Per 100 hendelser"].map((label) => (
            <th key={label} scope="col">{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.name}</th>
            <td>{c.events}</td>
            <td>
              <ListLink href={drillHref(base, { hva: "merknad", behandler: c.id })}>{c.notices}</ListLink>
            </td>
            <td>{per100Text(c.per100)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
