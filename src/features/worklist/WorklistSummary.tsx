"use client";
import { useFollowLink } from "@/features/shell/follow-link";
import type { SummaryData } from "./summary-data";

const NATIONAL_TARGET = 0.8;

function percent(met: number, total: number): string {
  return total ? `${Math.round((met / total) * 100)} %` : "–";
}

/** Counts per reason (each a link that filters the list) and this month's compliance, from summary-data.ts. */
export function WorklistSummary({ data }: { data: SummaryData }) {
  // the counts' links are plain anchors followed inside the app (follow-link.ts)
  const followLink = useFollowLink("/");
  return (
    <section aria-labelledby="summary-heading" className="mt-4 grid gap-4 md:grid-cols-3">
      <div className="rounded border border-slate-300 bg-white p-3 md:col-span-2">
        <h2 id="summary-heading" className="font-semibold">{`Oversikt innen ${data.horizon} dager`}</h2>
        <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2" onClick={followLink}>
          {data.reasons.map(([slug, label, href, count]) => (
            <li key={slug} className="flex justify-between gap-2">
              <a href={href} aria-current={data.current === slug ? "true" : undefined} className={`text-blue-800 underline ${data.current === slug ? "font-semibold" : ""}`}>
                {label}
              </a>
              <span className="tabular-nums" data-testid={`count-${slug}`}>{count}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="rounded border border-slate-300 bg-white p-3">
        <h2 className="font-semibold">Innen anbefalt tid denne måneden</h2>
        <p className="text-sm text-slate-700">{`Fra ${data.monthStart}, nasjonalt mål 80 %`}</p>
        <dl className="mt-2 space-y-1">
          {data.month.map(([label, met, total]) => (
            <div key={label} className="flex justify-between gap-2">
              <dt>{label}</dt>
              <dd className={`tabular-nums ${total && met / total < NATIONAL_TARGET ? "font-semibold text-red-900" : ""}`}>
                {`${percent(met, total)} `}
                <span className="text-slate-700">{`(${met} av ${total})`}</span>
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
