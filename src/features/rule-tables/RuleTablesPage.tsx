import { formatNorwegianDate, formatOsloDateTime } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { listRuleTableVersions, type RuleRecomputeState, type RuleVersionListRow } from "@/server/rule-tables/list";
import { AddVersionForm, type RowChoice } from "./AddVersionForm";
import { durationTitle, KIND_HEADINGS, rowName, type RuleTableKind } from "./labels";
import { ruleValueText } from "./value-text";
import { AdminNav } from "@/features/admin/AdminNav";

// /admin/regeltabeller (administrators): every version of every rule table
// row, with effective date, source, who added it, when and why, and whether
// it is confirmed or a local default; a form adds a new version (never an
// edit), after which every pathway is recomputed in the background. No
// patient data.

const KINDS: RuleTableKind[] = ["DURATION", "EVENT_LETTER", "OUTCOME_LIST", "WORKLIST"];

type Value = Record<string, unknown>;

function confirmedText(row: RuleVersionListRow): string {
  if (row.kind === "WORKLIST") return "Lokal regel";
  return row.confirmed ? "Bekreftet" : "Ikke bekreftet";
}

function RecomputeStatus({ state }: { state: RuleRecomputeState | null }) {
  let text = "Ingen omberegning er bestilt fra denne siden.";
  let tone = "border-slate-300 bg-white";
  if (state?.finishedAt) {
    text = `Siste omberegning er ferdig (${formatOsloDateTime(new Date(state.finishedAt))}): ${state.pathways ?? 0} forløp.`;
    tone = "border-green-300 bg-green-50";
  } else if (state?.failure) {
    text = `Omberegningen stoppet: ${state.failure} Den prøves igjen automatisk.`;
    tone = "border-red-300 bg-red-50";
  } else if (state?.startedAt) {
    text = `Omberegning pågår (startet ${formatOsloDateTime(new Date(state.startedAt))}).`;
    tone = "border-amber-300 bg-amber-50";
  } else if (state) {
    text = `Omberegning venter (bestilt ${formatOsloDateTime(new Date(state.requestedAt))}). Den starter av seg selv om noen sekunder.`;
    tone = "border-amber-300 bg-amber-50";
  }
  return (
    <p role="status" className={`mt-4 rounded border p-3 ${tone}`}>
      {text}
    </p>
  );
}

function choicesFrom(versions: RuleVersionListRow[]): RowChoice[] {
  const choices = new Map<string, RowChoice>();
  for (const v of versions) {
    const id = `${v.kind}|${v.key}`;
    // prefilled from the version in force today (or the first one seen)
    if (choices.has(id) && !v.inForce) continue;
    choices.set(id, { id, kind: v.kind, key: v.key, label: `${KIND_HEADINGS[v.kind]}: ${rowName(v.kind, v.key)}`, confirmed: v.confirmed, value: v.value as Value });
  }
  return [...choices.values()];
}

export async function RuleTablesPage() {
  const actor = await requirePage("admin.rules");
  const { versions, recompute } = await listRuleTableVersions(actor, today());
  return (
    <section>
      <h1 className="text-2xl font-semibold">Regeltabeller</h1>
      <AdminNav />
      <p className="mt-1 max-w-3xl text-slate-700">
        Forløpstidene, hendelseskodene, utfallslistene og arbeidslistens terskler som fristene og oppmerksomhetene regnes ut
        fra. En versjon endres aldri: en endring er en ny versjon med dato den gjelder fra, kilde og begrunnelse. Forløpstider
        gjelder forløp som starter på eller etter datoen; koder og utfall gjelder hendelser datert fra datoen.
      </p>
      <RecomputeStatus state={recompute} />
      {KINDS.map((kind) => {
        const rows = versions.filter((v) => v.kind === kind).sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : Number(a.id) - Number(b.id)));
        return (
          <section key={kind} aria-labelledby={`tabell-${kind}`} className="mt-8">
            <h2 id={`tabell-${kind}`} className="text-xl font-semibold">
              {KIND_HEADINGS[kind]}
            </h2>
            {/* focusable: on a phone the table scrolls sideways, and a keyboard must reach it (axe scrollable-region-focusable) */}
            <div tabIndex={0} className="mt-2 overflow-x-auto focus:outline-2 focus:outline-blue-700">
              <table className="min-w-full border-collapse text-sm">
                <thead>
                  <tr className="border-b border-slate-400 text-left">
                    <th scope="col" className="py-1 pr-3">Rad</th>
                    <th scope="col" className="py-1 pr-3">Gyldig fra</th>
                    <th scope="col" className="py-1 pr-3">Verdier</th>
                    <th scope="col" className="py-1 pr-3">Status</th>
                    <th scope="col" className="py-1 pr-3">Kilde</th>
                    <th scope="col" className="py-1 pr-3">Lagt til av</th>
                    <th scope="col" className="py-1 pr-3">Hvorfor</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} className="border-b border-slate-200 align-top">
                      <th scope="row" className="py-1 pr-3 text-left font-medium">
                        <span title={row.kind === "DURATION" ? durationTitle(row.key) : undefined}>{rowName(row.kind, row.key)}</span>
                        {row.inForce && <span className="ml-2 rounded bg-blue-100 px-1 text-xs font-semibold text-blue-900">Gjelder nå</span>}
                      </th>
                      <td className="py-1 pr-3 whitespace-nowrap">{formatNorwegianDate(row.effectiveFrom)}</td>
                      <td className="py-1 pr-3">{ruleValueText(row.kind, row.value as Value)}</td>
                      <td className="py-1 pr-3">{confirmedText(row)}</td>
                      <td className="py-1 pr-3">{row.source}</td>
                      <td className="py-1 pr-3">
                        {row.createdBy ?? "Levert med Forløpsvakt"}, {formatOsloDateTime(new Date(row.createdAt))}
                      </td>
                      <td className="py-1 pr-3">{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <AddVersionForm choices={choicesFrom(versions)} />
    </section>
  );
}
