import "server-only";
import type { IsoDate } from "@/lib/dates";
import { toExcelCsv } from "@/lib/csv-write";
import { drillDownDetail, drillDownTitle } from "@/domain/reports/drill-down-text";
import type { Actor } from "@/server/auth/current-user";
import { drillDownAll, drillDownSchema } from "./drill-down";
import { reportFilterSchema } from "./filters";

const HEADER = ["Pasient", "Fødselsnr. (maskert)", "Enhet", "Forløp", "Dato", "Detaljer", "Lenke"];

/**
 * The drill-down's rows (all pages) as CSV for Excel, named after what it
 * lists; the download is audited with the patients it names (drillDownAll).
 */
export async function drillDownCsv(actor: Actor, query: URLSearchParams, origin: string, now: IsoDate): Promise<{ csv: string; fileName: string }> {
  const params = Object.fromEntries(query);
  const filters = reportFilterSchema.parse(params);
  const q = drillDownSchema.parse(params);
  const { scope, rows, truncated } = await drillDownAll(actor, filters, q, now);
  const csv = toExcelCsv(
    HEADER,
    [
      ...rows.map((r) => [r.patientName, r.maskedId, r.unitName, r.type, r.date, drillDownDetail(q.hva, r), `${origin}/forlop/${r.pathwayId}`]),
      ...(truncated ? [[`Bare de første ${rows.length} radene er med.`]] : []),
    ],
  );
  // ASCII only: a header value (Content-Disposition) carries no æ, ø or å
  const slug = drillDownTitle(q).toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a")
    .normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return { csv, fileName: `rapport-${slug}-${scope.period.from}-${scope.period.to}.csv` };
}
