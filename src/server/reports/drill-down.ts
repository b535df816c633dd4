import "server-only";
import { z } from "@/lib/zod";
import { maskNationalId } from "@/domain/national-id";
import { INDICATOR_KINDS, INVOLVEMENT_INDICATORS } from "@/domain/rules";
import { Prisma } from "@/generated/prisma/client";
import { isIsoDate, type IsoDate } from "@/lib/dates";
import { recordIdSchema } from "@/lib/record-id";
import { prisma } from "@/server/db";
import { sqlOf } from "@/server/sql";
import { int8, sqlDate } from "@/server/sql-rows";
import { writeAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/current-user";
import { shownPatientNameSql } from "@/server/pathways/shown-name";
import type { ReportFilters } from "./filters";
import { hasActivity, treatedPathways } from "./involvement";
import { reportScope, type ReportScope } from "./queries";
import { pageOf } from "@/domain/reports/compare";
import { assertCan } from "@/server/auth/assert";

// The pathways behind a number in the reports. Each selection uses exactly the
// conditions of the aggregate it explains, so a count and its list agree.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v);

// ids in the address: a NUL or other junk is refused here, never sent to PostgreSQL
const unitRow = z.preprocess(first, recordIdSchema("Ukjent enhet.").optional());

export const drillDownSchema = z.discriminatedUnion("hva", [
  z.object({
    hva: z.literal("frist"),
    kind: z.preprocess(first, z.enum(INDICATOR_KINDS, { error: "Ukjent frist." })),
    utfall: z.preprocess(first, z.enum(["alle", "innenfor", "brudd", "pasient", "tjeneste", "1-7", "8-14", "15-28", ">28"]).default("alle")),
    maaned: z.preprocess(first, z.string().regex(/^\d{4}-\d{2}-01$/, "Ugyldig måned.").refine(isIsoDate, "Ugyldig måned.").optional()),
    enhetsrad: unitRow,
  }),
  z.object({
    hva: z.literal("merknad"),
    merknad: z.preprocess(first, z.string().regex(/^[A-Z_]+$/, "Ukjent oppmerksomhet.").optional()),
    forklart: z.preprocess(first, z.enum(["ja", "nei"]).optional()),
    behandler: z.preprocess(first, recordIdSchema("Ukjent behandler.").optional()),
  }),
  z.object({
    hva: z.literal("tilbakemelding"),
    utfall: z.preprocess(first, z.enum(["alle", "med", "uten"]).default("alle")),
    enhetsrad: unitRow,
  }),
  z.object({
    hva: z.literal("involvering"),
    indikator: z.preprocess(first, z.enum(INVOLVEMENT_INDICATORS, { error: "Ukjent indikator." })),
    utfall: z.preprocess(first, z.enum(["alle", "med", "uten"]).default("alle")),
    enhetsrad: unitRow,
  }),
], { error: "Ukjent utvalg." });
export type DrillDown = z.infer<typeof drillDownSchema>;

export const DRILL_DOWN_EXPORT_LIMIT = 20_000;

const drillDownRow = z.object({
  pathwayId: z.string(),
  patientId: z.string(),
  unitName: z.string(),
  type: z.string(),
  patientName: z.string(),
  nationalId: z.string(),
  date: sqlDate,
  daysLate: z.number().int().nullable(),
  cause: z.string().nullable(),
  label: z.string().nullable(),
});

function monthEnd(month: IsoDate): IsoDate {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

function deadlineQuery(scope: ReportScope, q: Extract<DrillDown, { hva: "frist" }>) {
  const [from, to] = q.maaned ? [q.maaned, monthEnd(q.maaned)] : [scope.period.from, scope.period.to];
  const outcome = {
    alle: Prisma.sql`TRUE`,
    innenfor: Prisma.sql`d."met"`,
    brudd: Prisma.sql`NOT d."met"`,
    pasient: Prisma.sql`NOT d."met" AND d."cause" = 'patient'`,
    tjeneste: Prisma.sql`NOT d."met" AND d."cause" IS DISTINCT FROM 'patient'`,
    "1-7": Prisma.sql`NOT d."met" AND d."daysLate" <= 7`,
    "8-14": Prisma.sql`NOT d."met" AND d."daysLate" BETWEEN 8 AND 14`,
    "15-28": Prisma.sql`NOT d."met" AND d."daysLate" BETWEEN 15 AND 28`,
    ">28": Prisma.sql`NOT d."met" AND d."daysLate" > 28`,
  }[q.utfall];
  const units = q.enhetsrad ? scope.unitIds.filter((u) => u === q.enhetsrad) : scope.unitIds;
  return Prisma.sql`
    SELECT d."pathwayId", p."patientId", u."name" AS "unitName", d."type"::text AS "type", ${shownPatientNameSql("p", "pa")} AS "patientName", pa."nationalId",
      to_char(d."decidedOn", 'YYYY-MM-DD') AS "date", d."daysLate", d."cause", NULL AS "label"
    FROM "PathwayDeadline" d JOIN "Pathway" p ON p."id" = d."pathwayId" JOIN "Patient" pa ON pa."id" = p."patientId" JOIN "Unit" u ON u."id" = d."unitId"
    WHERE d."unitId" = ANY(${units}::text[]) AND d."kind" = ${q.kind}
      AND d."decidedOn" BETWEEN ${from}::date AND ${to}::date
      AND (${scope.type}::text IS NULL OR d."type"::text = ${scope.type}::text)
      AND ${outcome}
    ORDER BY d."daysLate" DESC, d."decidedOn", d."pathwayId", d."id"`;
}

function noticeQuery(scope: ReportScope, q: Extract<DrillDown, { hva: "merknad" }>) {
  const explained = q.forklart === "ja" ? Prisma.sql`x."id" IS NOT NULL` : q.forklart === "nei" ? Prisma.sql`x."id" IS NULL` : Prisma.sql`TRUE`;
  return Prisma.sql`
    SELECT n."pathwayId", p."patientId", u."name" AS "unitName", n."type"::text AS "type", ${shownPatientNameSql("p", "pa")} AS "patientName", pa."nationalId",
      to_char(n."date", 'YYYY-MM-DD') AS "date", NULL::int AS "daysLate", NULL AS "cause", n."noticeId" AS "label"
    FROM "PathwayNotice" n JOIN "Pathway" p ON p."id" = n."pathwayId" JOIN "Patient" pa ON pa."id" = p."patientId" JOIN "Unit" u ON u."id" = n."unitId"
    LEFT JOIN "NoticeExplanation" x ON x."pathwayId" = n."pathwayId" AND x."noticeKey" = n."noticeKey"
    WHERE n."unitId" = ANY(${scope.unitIds}::text[]) AND n."date" BETWEEN ${scope.period.from}::date AND ${scope.period.to}::date
      AND (${scope.type}::text IS NULL OR n."type"::text = ${scope.type}::text)
      AND (${q.merknad ?? null}::text IS NULL OR n."noticeId" = ${q.merknad ?? null}::text)
      AND (${q.behandler ?? null}::text IS NULL OR n."recordedById" = ${q.behandler ?? null}::text)
      AND ${explained}
    ORDER BY n."date" DESC, n."pathwayId", n."id"`;
}

function feedbackQuery(scope: ReportScope, q: Extract<DrillDown, { hva: "tilbakemelding" }>) {
  const hasF = Prisma.sql`EXISTS (SELECT 1 FROM "PathwayEvent" f WHERE f."pathwayId" = c."pathwayId" AND f."code" = 'F' AND f."annulledAt" IS NULL AND f."clinicalDate" >= c."clinicalDate")`;
  const outcome = q.utfall === "med" ? hasF : q.utfall === "uten" ? Prisma.sql`NOT ${hasF}` : Prisma.sql`TRUE`;
  const units = q.enhetsrad ? scope.unitIds.filter((u) => u === q.enhetsrad) : scope.unitIds;
  return Prisma.sql`
    SELECT c."pathwayId", p."patientId", u."name" AS "unitName", p."type"::text AS "type", ${shownPatientNameSql("p", "pa")} AS "patientName", pa."nationalId",
      to_char(c."clinicalDate", 'YYYY-MM-DD') AS "date", NULL::int AS "daysLate", NULL AS "cause", c."outcome" AS "label"
    FROM "PathwayEvent" c JOIN "Pathway" p ON p."id" = c."pathwayId" JOIN "Patient" pa ON pa."id" = p."patientId" JOIN "Unit" u ON u."id" = p."unitId"
    WHERE c."code" = 'C' AND c."annulledAt" IS NULL
      AND c."unitId" = ANY(${units}::text[])
      AND c."clinicalDate" BETWEEN ${scope.period.from}::date AND ${scope.period.to}::date
      AND (${scope.type}::text IS NULL OR p."type"::text = ${scope.type}::text)
      AND ${outcome}
    ORDER BY c."clinicalDate" DESC, c."pathwayId", c."id"`;
}

function involvementQuery(scope: ReportScope, q: Extract<DrillDown, { hva: "involvering" }>) {
  const has = hasActivity(scope, q.indikator);
  const outcome = q.utfall === "med" ? has : q.utfall === "uten" ? Prisma.sql`NOT ${has}` : Prisma.sql`TRUE`;
  const units = q.enhetsrad ? scope.unitIds.filter((u) => u === q.enhetsrad) : scope.unitIds;
  return Prisma.sql`
    SELECT t."pathwayId", p."patientId", u."name" AS "unitName", p."type"::text AS "type", ${shownPatientNameSql("p", "pa")} AS "patientName", pa."nationalId",
      to_char(t."decidedOn", 'YYYY-MM-DD') AS "date", NULL::int AS "daysLate", NULL AS "cause", NULL AS "label"
    FROM (${treatedPathways(scope, units)}) t
      JOIN "Pathway" p ON p."id" = t."pathwayId" JOIN "Patient" pa ON pa."id" = p."patientId" JOIN "Unit" u ON u."id" = t."unitId"
    WHERE ${outcome}
    ORDER BY t."decidedOn" DESC, t."pathwayId"`;
}

export const DRILL_DOWN_PAGE_SIZE = 100;

/** `side` in the address: a page number, anything else is page 1 (never an error). */
export const drillDownPageSchema = z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1));

function selectionOf(scope: ReportScope, q: DrillDown) {
  return q.hva === "frist" ? deadlineQuery(scope, q)
    : q.hva === "merknad" ? noticeQuery(scope, q)
    : q.hva === "involvering" ? involvementQuery(scope, q)
    : feedbackQuery(scope, q);
}

const shown = ({ nationalId, patientId: _patient, ...r }: z.output<typeof drillDownRow>) => ({ ...r, maskedId: maskNationalId(nationalId) });

/**
 * One page (DRILL_DOWN_PAGE_SIZE rows, offset paging in the selection's stable
 * order) of the rows behind a figure, with their exact count and "side x av y".
 */
export async function drillDown(actor: Actor, f: ReportFilters, q: DrillDown, today: IsoDate, requestedPage = 1, pageSize = DRILL_DOWN_PAGE_SIZE) {
  const scope = await reportScope(actor, f, today);
  const query = selectionOf(scope, q);
  const pageAt = (offset: number) => sqlOf(prisma).rows(drillDownRow, Prisma.sql`${query} LIMIT ${pageSize} OFFSET ${offset}`);
  // the count and the asked-for page at once; a page past the end is read again as the last page
  const asked = pageOf(Number.MAX_SAFE_INTEGER, requestedPage, pageSize).offset;
  const [[{ count }], rowsAsked] = await Promise.all([
    sqlOf(prisma).rows(z.object({ count: int8 }), Prisma.sql`SELECT count(*) AS count FROM (${query}) AS selection`),
    pageAt(asked),
  ]);
  const paging = pageOf(count, requestedPage, pageSize);
  const rows = paging.offset === asked ? rowsAsked : await pageAt(paging.offset);
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "PATIENT_LIST_VIEWED", patientIds: rows.map((r) => r.patientId), detail: { list: "report-drill-down", query: q, filters: f, page: paging.page } },
    actor.meta,
  );
  return { scope, total: count, ...paging, rows: rows.map(shown) };
}

/** Every row of a drill-down (up to DRILL_DOWN_EXPORT_LIMIT): what the CSV export writes. */
export async function drillDownAll(actor: Actor, f: ReportFilters, q: DrillDown, today: IsoDate) {
  assertCan(actor.user, "export.csv");
  const scope = await reportScope(actor, f, today);
  const rows = await sqlOf(prisma).rows(drillDownRow, Prisma.sql`${selectionOf(scope, q)} LIMIT ${DRILL_DOWN_EXPORT_LIMIT + 1}`);
  const kept = rows.slice(0, DRILL_DOWN_EXPORT_LIMIT);
  await writeAudit(
    prisma,
    { userId: actor.user.id, action: "EXPORT_DOWNLOADED", patientIds: kept.map((r) => r.patientId), detail: { list: "report-drill-down", query: q, filters: f, rows: kept.length } },
    actor.meta,
  );
  return { scope, rows: kept.map(shown), truncated: rows.length > DRILL_DOWN_EXPORT_LIMIT };
}
