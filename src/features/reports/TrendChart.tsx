import { monthLabel } from "@/domain/reports/period";
import type { IndicatorKind, Share } from "@/server/reports/queries";
import { KIND_LABELS } from "@/domain/reports/labels";
import { pointText } from "@/domain/reports/compare";
import { NATIONAL_TARGET } from "./format";

// A server-rendered SVG line chart (no client JavaScript, no layout shift)
// with the same numbers as a table right below it for screen readers. Each
// point names its n (a tooltip, and the table): 1 of 1 is not 100 % of many;
// a point with fewer than SMALL_N measured is drawn hollow.

const SMALL_N = 5;

const SERIES: { kind: IndicatorKind; color: string; dash?: string }[] = [
  { kind: "referral_assessment", color: "#7e22ce", dash: "10 3 2 3" },
  { kind: "basis_assessment", color: "#1d4ed8" },
  { kind: "extended_assessment", color: "#b45309", dash: "6 3" },
  { kind: "first_evaluation", color: "#047857", dash: "2 3" },
];

const W = 720;
const H = 240;
const PAD = { left: 44, right: 28, top: 12, bottom: 36 };

export function TrendChart({ series }: { series: { month: string; byKind: Record<IndicatorKind, Share> }[] }) {
  // one decimal: a coordinate of 17 digits cost bytes and drew nothing finer
  const round = (v: number) => Math.round(v * 10) / 10;
  const x = (i: number) => round(PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, series.length - 1));
  const y = (share: number) => round(PAD.top + (1 - share) * (H - PAD.top - PAD.bottom));
  const short = (month: string) => monthLabel(month).slice(0, 3) + " " + month.slice(2, 4);
  return (
    <figure className="mt-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="trend-title" className="h-auto w-full max-w-3xl bg-white">
        <title id="trend-title">Andel innen anbefalt tid per måned, siste 12 måneder. Tallene står i tabellen under.</title>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#334155">{`${t * 100} %`}</text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(NATIONAL_TARGET)} y2={y(NATIONAL_TARGET)} stroke="#b91c1c" strokeDasharray="4 4" />
        <text x={W - PAD.right} y={y(NATIONAL_TARGET) - 4} textAnchor="end" fontSize="11" fill="#b91c1c">Nasjonalt mål 80 %</text>
        {series.map((s, i) => (
          <text key={s.month} x={x(i)} y={H - 14} textAnchor="middle" fontSize="11" fill="#334155">{short(s.month)}</text>
        ))}
        {SERIES.map(({ kind, color, dash }) => {
          const points = series.map((s, i) => (s.byKind[kind].share === null ? null : `${x(i)},${y(s.byKind[kind].share!)}`));
          return (
            <g key={kind}>
              <polyline points={points.filter(Boolean).join(" ")} fill="none" stroke={color} strokeWidth="2" strokeDasharray={dash} />
              {points.map((p, i) => {
                if (!p) return null;
                const s = series[i].byKind[kind];
                const small = s.denominator < SMALL_N;
                return (
                  <circle key={i} cx={p.split(",")[0]} cy={p.split(",")[1]} r={small ? 4 : 3} fill={small ? "#ffffff" : color} stroke={color} strokeWidth="2" data-testid="trend-point">
                    <title>{`${KIND_LABELS[kind]}, ${monthLabel(series[i].month)}: ${pointText(s)}`}</title>
                  </circle>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-sm">
        {SERIES.map(({ kind, color }) => (
          <span key={kind} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-1 w-6" style={{ background: color }} />
            {KIND_LABELS[kind]}
          </span>
        ))}
        <span>Hul prikk: færre enn {SMALL_N} målt den måneden. Antallet står i tabellen.</span>
      </figcaption>
      <table className="phone-priority report mt-3" data-testid="trend-table">
        <caption>Tabell: andel innen anbefalt tid per måned (innenfor av målt)</caption>
        <thead>
          <tr>
            <th scope="col">Måned</th>
            {SERIES.map(({ kind }) => (
              <th key={kind} scope="col">{KIND_LABELS[kind]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.month}>
              <th scope="row">{monthLabel(s.month)}</th>
              {SERIES.map(({ kind }) => (
                <td key={kind}>{pointText(s.byKind[kind])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
