import { DEADLINE_LABELS } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import { filtersToSearchParams, REASON_FILTERS, type ReasonFilter, type WorklistFilters } from "@/server/worklist/filters";
import type { WorklistSummary } from "@/server/worklist/query";
import { referralFiltersToParams } from "@/server/referrals/filters";

// The summary's texts and links, made on the server, for the summary's client
// component (WorklistSummary.tsx): as server components its 15 links and
// figures went to the browser as element trees beside their HTML (~4.7 kB).

export interface SummaryData {
  horizon: number;
  /** per reason: its slug, label, the link that filters the list by it, and the count */
  reasons: [slug: ReasonFilter, label: string, href: string, count: number][];
  current: ReasonFilter | undefined;
  monthStart: string;
  /** per deadline kind: its label, met and total this month */
  month: [label: string, met: number, total: number][];
}

export function summaryData(summary: WorklistSummary, filters: WorklistFilters): SummaryData {
  return {
    horizon: filters.horisont,
    reasons: (Object.keys(REASON_FILTERS) as ReasonFilter[]).map((slug) => [
      slug,
      REASON_FILTERS[slug].label,
      slug === "henvisning"
        ? `/henvisninger?${referralFiltersToParams({ enhet: filters.enhet, status: "ikke-vurdert" })}`
        : `/arbeidsliste?${filtersToSearchParams(filters, { grunn: slug, etter: undefined })}`,
      summary.byFilter[slug],
    ]),
    current: filters.grunn,
    monthStart: formatNorwegianDate(summary.monthStart),
    month: summary.thisMonth.map((m) => [DEADLINE_LABELS[m.kind], m.met, m.total]),
  };
}
