import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/domain/permissions";
import { DECISION_LABELS, STATUS_LABELS } from "@/domain/referrals";
import { PHASE_LABELS, type Phase } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { today } from "@/server/clock";
import { NotFoundError } from "@/server/errors";
import { getReferral } from "@/server/referrals/detail";
import { unitOptionsFor } from "@/server/units/options";
import { TONE_CLASSES } from "@/features/pathway/tone-classes";
import { AssessForm } from "./AssessForm";
import { CorrectForm } from "./CorrectForm";
import { workingDaysText } from "./due-text";

const instant = new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "short" });

/** One referral: what came in, its assessment (or the form to make it) and every earlier assessment. */
export async function ReferralPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("referral.read");
  const { id } = await params;
  const now = today();
  const r = await getReferral(actor, id, now).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const mayWrite = can(actor.user.role, "referral.write");
  const unit = mayWrite ? (await unitOptionsFor(actor)).find((u) => u.id === r.unit.id) : undefined;
  const left = r.workingDaysLeft === null ? null : workingDaysText(r.workingDaysLeft);
  return (
    <section className="max-w-4xl">
      <p><Link href="/henvisninger" className="text-blue-800 underline">Tilbake til henvisninger</Link></p>
      <h1 className="mt-2 text-2xl font-semibold">Henvisning for {r.patient.name}</h1>
      <p className="font-mono text-slate-700">{r.patient.maskedNationalId}</p>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 sm:grid-cols-2">
        <div><dt className="text-sm text-slate-700">Enhet</dt><dd>{r.unit.name}</dd></div>
        <div><dt className="text-sm text-slate-700">Status</dt><dd>{r.decision ? DECISION_LABELS[r.decision] : STATUS_LABELS[r.status]}</dd></div>
        <div><dt className="text-sm text-slate-700">Mottatt</dt><dd>{formatNorwegianDate(r.receivedDate)}</dd></div>
        <div>
          <dt className="text-sm text-slate-700">Frist for vurdering (10 virkedager)</dt>
          <dd>
            {formatNorwegianDate(r.dueDate)}
            {left && <span className={`ml-2 rounded border px-2 py-0.5 ${TONE_CLASSES[left.tone]}`}>{left.text}</span>}
          </dd>
        </div>
        <div><dt className="text-sm text-slate-700">Henviser</dt><dd>{r.referrerName}{r.referrerHpr && ` (HPR ${r.referrerHpr})`}</dd></div>
        <div><dt className="text-sm text-slate-700">Foreslått pakkeforløp</dt><dd>{r.suggestedType ?? "–"}</dd></div>
        {r.assessedDate && <div><dt className="text-sm text-slate-700">Vurdert</dt><dd>{formatNorwegianDate(r.assessedDate)}</dd></div>}
        {r.legalDeadline && <div><dt className="text-sm text-slate-700">Juridisk frist</dt><dd>{formatNorwegianDate(r.legalDeadline)}</dd></div>}
        {r.decisionReason && <div className="sm:col-span-2"><dt className="text-sm text-slate-700">Begrunnelse</dt><dd>{r.decisionReason}</dd></div>}
        {r.note && <div className="sm:col-span-2"><dt className="text-sm text-slate-700">Notat</dt><dd className="whitespace-pre-wrap">{r.note}</dd></div>}
        {r.pathways.length > 0 && (
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-700">Pakkeforløp</dt>
            {r.pathways.map((p) => (
              <dd key={p.id}>
                <Link href={`/forlop/${p.id}`} className="text-blue-800 underline">{p.type}</Link>{" "}
                {p.phase ? PHASE_LABELS[p.phase as Phase] ?? p.phase : ""}
                {p.responsibleClinician && `, ansvarlig ${p.responsibleClinician.name}`}
              </dd>
            ))}
          </div>
        )}
      </dl>

      {r.status === "unassessed" && mayWrite && unit && (
        <section className="mt-6">
          <h2 id="vurder" className="text-xl font-semibold">Vurder henvisningen</h2>
          <AssessForm referralId={r.id} dueDate={r.dueDate} receivedDate={r.receivedDate} today={now} unit={unit} suggestedType={r.suggestedType} waitingPathwayId={r.waitingPathwayId} />
        </section>
      )}
      {r.status !== "unassessed" && mayWrite && r.decision && r.assessedDate && (
        <details className="mt-6 rounded border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer font-semibold">Rett vurderingen</summary>
          <CorrectForm referralId={r.id} today={now} current={{ assessedDate: r.assessedDate, decision: r.decision, legalDeadline: r.legalDeadline, reason: r.decisionReason }} />
        </details>
      )}
      {r.history.length > 0 && (
        <section className="mt-6">
          <h2 className="text-xl font-semibold">Historikk</h2>
          <ol className="mt-2 space-y-2">
            {r.history.map((h) => (
              <li key={h.id} className="rounded border border-slate-300 bg-white p-3" data-testid="assessment-history">
                <p className="font-medium">
                  {h.correction ? "Rettet" : "Vurdert"}: {DECISION_LABELS[h.decision]}, vurdert {formatNorwegianDate(h.assessedDate)}
                  {h.legalDeadline && `, juridisk frist ${formatNorwegianDate(h.legalDeadline)}`}
                </p>
                {h.reason && <p>Begrunnelse: {h.reason}</p>}
                {h.correction && <p>Hvorfor rettet: {h.correction.reason}</p>}
                <p className="text-sm text-slate-700">{h.recordedBy}, {instant.format(new Date(h.recordedAt))}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
