import "server-only";
import { z } from "@/lib/zod";
import { INDICATOR_KINDS, INVOLVEMENT_INDICATORS, NOTICE_MESSAGES, type NoticeId } from "@/domain/rules";
import { monthLabel } from "@/domain/reports/period";
import { toExcelCsv } from "@/lib/csv-write";
import type { Actor } from "@/server/auth/current-user";
import { today } from "@/server/clock";
import { prisma } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { reportFilterSchema } from "@/server/reports/filters";
import { codingLagReport, complianceReport, LATE_BUCKETS, qualityReport, trendReport, type Share } from "@/server/reports/queries";
import { CODING_LAG_LATE_DAYS, shareChange } from "@/domain/reports/compare";
import { INVOLVEMENT_LABELS, KIND_LABELS } from "@/domain/reports/labels";
import { breaches } from "@/domain/reports/breaches";


const TABLES = ["etterlevelse", "fristbrudd", "forsinkelse", "enheter", "ansvarlige", "trend", "kodeforsinkelse", "merknader", "behandlere"] as const;
type ReportTable = (typeof TABLES)[number];
const tableSchema = z.enum(TABLES, { error: "Ukjent tabell." });

const share = (s: { share: number | null }) => (s.share === null ? "" : Math.round(s.share * 1000) / 10);
const shareColumns = (s: Share) => [share(s), s.numerator, s.denominator, s.service, s.patient];
const SHARE_HEADER = ["Andel (%)", "Innenfor", "Målt", "Brudd, tjenesten", "Brudd, pasientutsatt"];

async function build(table: ReportTable, actor: Actor, filters: z.infer<typeof reportFilterSchema>) {
  const now = today();
  switch (table) {
    case "etterlevelse": {
      const r = await complianceReport(actor, filters, now);
      const previous = `${r.previous.from}–${r.previous.to}`;
      return {
        header: ["Indikator", ...SHARE_HEADER, `Forrige periode ${previous}: andel (%)`, "Forrige periode: innenfor", "Forrige periode: målt", "Endring (prosentpoeng)"],
        rows: [
          ...INDICATOR_KINDS.map((k) => {
            const p = r.previous.total[k];
            return [KIND_LABELS[k], ...shareColumns(r.total[k]), share(p), p.numerator, p.denominator, shareChange(r.total[k].share, p.share) ?? ""];
          }),
          ["Tilbakemelding til henviser", share(r.feedback.total), r.feedback.total.numerator, r.feedback.total.denominator, r.feedback.total.denominator - r.feedback.total.numerator, ""],
          ...INVOLVEMENT_INDICATORS.map((i) => {
            const s = r.involvement.total[i];
            return [INVOLVEMENT_LABELS[i], share(s), s.numerator, s.denominator, s.denominator - s.numerator, ""];
          }),
        ],
      };
    }
    case "fristbrudd": {
      const r = await complianceReport(actor, filters, now);
      const row = (name: string, s: Share) => {
        const b = breaches(s);
        return [name, b.count, share(b), s.denominator, s.service, s.patient];
      };
      return {
        header: ["Enhet", "Fristbrudd", "Andel fristbrudd (%)", "Juridiske frister målt", "Fristbrudd, tjenesten", "Fristbrudd, pasientutsatt"],
        rows: [...r.scope.units.map((u) => row(u.name, r.byUnit[u.id].care_start)), row("Alle valgte enheter", r.total.care_start)],
      };
    }
    case "forsinkelse": {
      const r = await complianceReport(actor, filters, now);
      return { header: ["Frist", ...LATE_BUCKETS.map((b) => `${b} dager for sent`)], rows: INDICATOR_KINDS.map((k) => [KIND_LABELS[k], ...LATE_BUCKETS.map((b) => r.total[k].late[b])]) };
    }
    case "enheter": {
      const r = await complianceReport(actor, filters, now);
      return {
        header: ["Enhet", "Indikator", ...SHARE_HEADER],
        rows: r.scope.units.flatMap((u) => INDICATOR_KINDS.map((k) => [u.name, KIND_LABELS[k], ...shareColumns(r.byUnit[u.id][k])])),
      };
    }
    case "ansvarlige": {
      const r = await complianceReport(actor, filters, now);
      return {
        header: ["Ansvarlig behandler", "Indikator", ...SHARE_HEADER],
        rows: r.byClinician.flatMap((c) => INDICATOR_KINDS.map((k) => [c.name, KIND_LABELS[k], ...shareColumns(c.byKind[k])])),
      };
    }
    case "kodeforsinkelse": {
      const r = await codingLagReport(actor, filters, now);
      const row = (kind: string) => (c: (typeof r.byUnit)[number]) => [kind, c.name, c.events, c.median ?? "", c.late, share({ share: c.lateShare })];
      return {
        header: ["Gruppe", "Navn", "Hendelser", "Median (dager)", `Over ${CODING_LAG_LATE_DAYS} dager`, `Andel over ${CODING_LAG_LATE_DAYS} dager (%)`],
        rows: [...r.byUnit.map(row("Enhet")), ...r.byClinician.map(row("Behandler"))],
      };
    }
    case "trend": {
      const r = await trendReport(actor, filters, now);
      return { header: ["Måned", "Indikator", ...SHARE_HEADER], rows: r.series.flatMap((s) => INDICATOR_KINDS.map((k) => [monthLabel(s.month), KIND_LABELS[k], ...shareColumns(s.byKind[k])])) };
    }
    case "merknader": {
      const r = await qualityReport(actor, filters, now);
      return {
        header: ["Oppmerksomhet", "Antall", "Forklart", "Ikke forklart", "Per 100 hendelser"],
        rows: r.byNotice.map((n) => [NOTICE_MESSAGES[n.noticeId as NoticeId] ?? n.noticeId, n.total, n.explained, n.total - n.explained, r.events ? Math.round((n.total / r.events) * 1000) / 10 : ""]),
      };
    }
    case "behandlere": {
      const r = await qualityReport(actor, filters, now);
      return {
        header: ["Behandler", "Hendelser", "Oppmerksomheter", "Forklart", "Per 100 hendelser"],
        rows: r.clinicians.map((c) => [c.name, c.events, c.notices, c.explained, c.per100 === null ? "" : Math.round(c.per100 * 10) / 10]),
      };
    }
  }
}

/**
 * One report table (`tabell`) under the report's filters as CSV for Excel, the
 * same numbers as on the page; the download is audited with its filters.
 */
export async function reportCsv(actor: Actor, query: URLSearchParams): Promise<{ table: ReportTable; csv: string }> {
  const params = Object.fromEntries(query);
  const table = tableSchema.parse(params.tabell);
  const filters = reportFilterSchema.parse(params);
  const { header, rows } = await build(table, actor, filters);
  await writeAudit(prisma, { userId: actor.user.id, action: "EXPORT_DOWNLOADED", detail: { report: table, filters } }, actor.meta);
  return { table, csv: toExcelCsv(header, rows) };
}
