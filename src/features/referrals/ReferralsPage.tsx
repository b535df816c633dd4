import Link from "next/link";
import { can } from "@/domain/permissions";
import { DECISION_LABELS, STATUS_LABELS } from "@/domain/referrals";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { referralFilterSchema, STATUS_SLUGS, type ReferralFilters } from "@/server/referrals/filters";
import { listReferralsPage, type ReferralListItem } from "@/server/referrals/list";
import { unitOptionsFor } from "@/server/units/options";
import { TONE_CLASSES } from "@/features/pathway/tone-classes";
import { FILTER_FIELD, FilterSelect } from "@/features/shell/FilterSelect";
import { ListLink } from "@/features/shell/ListLink";
import { workingDaysText } from "./due-text";

type SearchParams = Record<string, string | string[] | undefined>;

function parseFilters(params: SearchParams): { filters: ReferralFilters; problems: string[] } {
  const parsed = referralFilterSchema.safeParse(params);
  if (parsed.success) return { filters: parsed.data, problems: [] };
  return { filters: {}, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
}

/** Henvisninger: the referrals not yet assessed, most urgent first, then the recently assessed and closed ones. */
export async function ReferralsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePage("referral.read");
  const { filters, problems } = parseFilters(await searchParams);
  const now = today();
  const [units, list] = await Promise.all([unitOptionsFor(actor), listReferralsPage(actor, filters, now)]);
  const mayWrite = can(actor.user.role, "referral.write");
  return (
    <section>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Henvisninger</h1>
        {mayWrite && (
          <Link href="/henvisninger/ny" className="rounded bg-blue-800 px-4 py-2 font-medium text-white">
            Registrer henvisning
          </Link>
        )}
      </div>
      <p className="mt-1 text-slate-700">
        Hver henvisning skal vurderes innen 10 virkedager etter at den ble mottatt. I dag er {formatNorwegianDate(now)}.
      </p>
      {problems.length > 0 && (
        <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-red-900">
          Noen filtre i adressen var ugyldige og er nullstilt: {problems.join(" ")}
        </div>
      )}
      <form method="get" action="/henvisninger" aria-label="Filtre for henvisninger" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
        <FilterSelect id="f-enhet" name="enhet" label="Enhet" value={filters.enhet} allLabel="Alle mine enheter" options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <FilterSelect
          id="f-status"
          name="status"
          label="Status"
          value={filters.status}
          allLabel="Ikke vurdert og nylig vurdert"
          options={Object.entries(STATUS_SLUGS).map(([value, status]) => ({ value, label: STATUS_LABELS[status] }))}
        />
        <div>
          <label htmlFor="f-fra" className="block text-sm font-medium">Mottatt fra</label>
          <input id="f-fra" name="fra" type="date" defaultValue={filters.fra} className={FILTER_FIELD} />
        </div>
        <div>
          <label htmlFor="f-til" className="block text-sm font-medium">Mottatt til</label>
          <input id="f-til" name="til" type="date" defaultValue={filters.til} className={FILTER_FIELD} />
        </div>
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">Vis</button>
        <Link href="/henvisninger" className="px-2 py-2 text-blue-800 underline">Nullstill filtre</Link>
      </form>
      <p className="mt-4" data-testid="overdue-count">
        <strong className="tabular-nums">{list.overdue}</strong> {list.overdue === 1 ? "henvisning" : "henvisninger"} ikke vurdert innen 10 virkedager
        {filters.enhet ? " i valgt enhet" : " i dine enheter"}.
      </p>
      {filters.status !== "vurdert" && filters.status !== "avsluttet" && (
        <ReferralTable caption="Ikke vurdert, den som haster mest først" rows={list.unassessed} empty="Ingen henvisninger venter på vurdering." mayWrite={mayWrite} />
      )}
      {list.truncated && <p className="mt-2 text-slate-700">Bare de 200 eldste vises. Snevre inn med filtrene.</p>}
      {filters.status !== "ikke-vurdert" && (
        <ReferralTable
          caption={filters.status ? STATUS_LABELS[STATUS_SLUGS[filters.status]] : "Nylig vurdert og avsluttet"}
          rows={list.recent}
          empty="Ingen vurderte henvisninger med disse filtrene."
          mayWrite={mayWrite}
        />
      )}
    </section>
  );
}

function ReferralTable({ caption, rows, empty, mayWrite }: { caption: string; rows: ReferralListItem[]; empty: string; mayWrite: boolean }) {
  return (
    <div className="mt-6">
      <h2 className="text-lg font-semibold">{caption}</h2>
      {rows.length === 0 ? (
        <p className="mt-2">{empty}</p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Pasient</th>
              <th scope="col" className="p-2">Mottatt</th>
              <th scope="col" className="p-2">Frist for vurdering</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Henviser</th>
              <th scope="col" className="p-2">Enhet</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const left = r.workingDaysLeft === null ? null : workingDaysText(r.workingDaysLeft);
              return (
                <tr key={r.id} className="border-b border-slate-200 align-top" data-testid="referral-row">
                  <td className="p-2">
                    <ListLink href={`/henvisninger/${r.id}`} className="font-medium text-blue-800 underline">
                      {r.patient.name}
                    </ListLink>
                    <span className="block font-mono text-slate-700">{r.patient.maskedNationalId}</span>
                  </td>
                  <td className="p-2 whitespace-nowrap">{formatNorwegianDate(r.receivedDate)}</td>
                  <td className="p-2 whitespace-nowrap">
                    {formatNorwegianDate(r.dueDate)}
                    {left && <span className={`mt-1 block w-fit rounded border px-2 py-0.5 ${TONE_CLASSES[left.tone]}`}>{left.text}</span>}
                  </td>
                  <td className="p-2">
                    {r.status === "unassessed" ? (
                      mayWrite ? <ListLink href={`/henvisninger/${r.id}#vurder`} className="text-blue-800 underline">Vurder</ListLink> : STATUS_LABELS.unassessed
                    ) : (
                      <>
                        {r.decision ? DECISION_LABELS[r.decision] : STATUS_LABELS[r.status]}
                        <span className="block text-slate-700">Vurdert {formatNorwegianDate(r.assessedDate)}</span>
                        {r.legalDeadline && <span className="block text-slate-700">Juridisk frist {formatNorwegianDate(r.legalDeadline)}</span>}
                      </>
                    )}
                  </td>
                  <td className="p-2">{r.referrerName}</td>
                  <td className="p-2">{r.unit.name}{r.suggestedType && <span className="block text-slate-700">Foreslått {r.suggestedType}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
