import "server-only";
import {
  EXCLUDING_NOTICE_IDS, INVOLVEMENT_ACTIVITY, INVOLVEMENT_INDICATORS, type InvolvementIndicator, type InvolvementShare,
} from "@/domain/rules";
import { Prisma } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { prisma } from "@/server/db";
import { sqlOf } from "@/server/sql";
import { int8 } from "@/server/sql-rows";
import type { ReportScope } from "./queries";

// The involvement indicators (involvert i behandlingsplan, informert om
// behandlingsalternativer, tilbakemeldingsverktøy brukt) in SQL, with the
// definitions of the rules engine's computeIndicators (tested equal): of the
// pathways with a treatment decision (C with P or T) in the period, the share
// with the activity (U's outcome) on or before the period's end. Pathways NPR
// leaves out of the calculation are left out. The drill-down uses the same
// fragments, so a figure and its list agree.

/** Pathways with a treatment decision in the period, one row each: "pathwayId", "unitId", "decidedOn". */
export function treatedPathways(scope: ReportScope, unitIds: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT c."pathwayId", c."unitId", min(c."clinicalDate") AS "decidedOn"
    FROM "PathwayEvent" c JOIN "Pathway" p ON p."id" = c."pathwayId"
    WHERE c."code" = 'C' AND c."outcome" IN ('P', 'T') AND c."annulledAt" IS NULL
      AND c."unitId" = ANY(${unitIds}::text[])
      AND c."clinicalDate" BETWEEN ${scope.period.from}::date AND ${scope.period.to}::date
      AND (${scope.type}::text IS NULL OR p."type"::text = ${scope.type}::text)
      AND NOT EXISTS (
        SELECT 1 FROM "PathwayNotice" n WHERE n."pathwayId" = c."pathwayId" AND n."noticeId" = ANY(${[...EXCLUDING_NOTICE_IDS]}::text[])
      )
    GROUP BY c."pathwayId", c."unitId"`;
}

/** The treated pathway `t` has the indicator's activity on or before the period's end. */
export function hasActivity(scope: ReportScope, indicator: InvolvementIndicator): Prisma.Sql {
  // U's outcome is its activity; events registered before that carry it in "activityCode"
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "PathwayEvent" u
    WHERE u."pathwayId" = t."pathwayId" AND u."code" = 'U' AND u."annulledAt" IS NULL
      AND upper(trim(COALESCE(NULLIF(u."outcome", ''), u."activityCode"))) = ${INVOLVEMENT_ACTIVITY[indicator]}
      AND u."clinicalDate" <= ${scope.period.to}::date
  )`;
}

export type InvolvementShares = Record<InvolvementIndicator, InvolvementShare>;
const countRow = z.object({
  unitId: z.string(),
  total: int8,
  ...(Object.fromEntries(INVOLVEMENT_INDICATORS.map((indicator) => [indicator, int8])) as Record<InvolvementIndicator, typeof int8>),
});
type CountRow = z.output<typeof countRow>;

function shares(rows: CountRow[]): InvolvementShares {
  const denominator = rows.reduce((sum, r) => sum + r.total, 0);
  return Object.fromEntries(
    INVOLVEMENT_INDICATORS.map((indicator) => {
      const numerator = rows.reduce((sum, r) => sum + r[indicator], 0);
      return [indicator, { numerator, denominator, share: denominator ? numerator / denominator : null }];
    }),
  ) as InvolvementShares;
}

/** The three shares for the scope, in total and per unit. */
export async function involvementShares(scope: ReportScope): Promise<{ total: InvolvementShares; byUnit: Record<string, InvolvementShares> }> {
  const counts = INVOLVEMENT_INDICATORS.map((indicator) => Prisma.sql`count(*) FILTER (WHERE ${hasActivity(scope, indicator)}) AS ${Prisma.raw(`"${indicator}"`)}`);
  const rows = await sqlOf(prisma).rows(countRow, Prisma.sql`
    SELECT t."unitId", count(*) AS total, ${Prisma.join(counts)}
    FROM (${treatedPathways(scope, scope.unitIds)}) t
    GROUP BY 1`);
  return {
    total: shares(rows),
    byUnit: Object.fromEntries(scope.unitIds.map((id) => [id, shares(rows.filter((r) => r.unitId === id))])),
  };
}
