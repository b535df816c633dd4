import Link from "next/link";
import { PATHWAY_NAMES } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import type { EarlierPathwayRow } from "@/server/pathways/earlier";

// The patient's earlier pathways in the viewer's units, newest first, so that a
// re-referral is seen at once: when, which type, where, and how it ended.
export function EarlierPathways({ pathways }: { pathways: EarlierPathwayRow[] }) {
  if (pathways.length === 0) return null;
  return (
    <section id="tidligere-forlop" aria-labelledby="earlier-heading" className="scroll-mt-4 rounded border border-slate-300 bg-slate-50 p-4">
      <h2 id="earlier-heading" className="text-lg font-semibold">Tidligere forløp</h2>
      <p className="text-sm text-slate-700">Pasienten er henvist før. Bare forløp i dine enheter vises.</p>
      <ul className="mt-2 space-y-1 text-sm">
        {pathways.map((p) => (
          <li key={p.id}>
            <Link href={`/forlop/${p.id}`} className="text-blue-800 underline">
              {formatNorwegianDate(p.openedOn)} · Pakkeforløp {p.type}
            </Link>{" "}
            <span className="text-slate-700">({PATHWAY_NAMES[p.type]})</span> · {p.unitName} · {p.ending}
          </li>
        ))}
      </ul>
    </section>
  );
}
