"use client";
import { useActionState, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { API_DECISIONS, DECISION_LABELS, closesReferral, type ApiDecision } from "@/domain/referrals";
import { PATHWAY_NAMES, type PathwayType } from "@/domain/rules";
import { formatNorwegianDate } from "@/lib/dates";
import type { UnitOption } from "@/server/units/options";
import { assessReferralAction, type AssessReferralResult } from "./actions";
import { FailureSummary, Field, inputClass } from "./fields";

// Assess a referral: the decision, the legal deadline for a right, a reason
// for a closing decision, and for a patient the unit keeps the pakkeforløp to
// start on the assessment day. The justification a late assessment needs is
// asked for before submitting, as soon as the date is past the due date.

type Values = Record<"legalDeadline" | "reason" | "type" | "setting" | "responsibleClinicianId" | "justification", string>;
type State = { values: Values; result: AssessReferralResult | null };

export interface AssessFormProps {
  referralId: string;
  dueDate: string;
  receivedDate: string;
  today: string;
  unit: UnitOption;
  suggestedType: string | null;
  /** a pathway made before the referral flow: the assessment starts it, no new one */
  waitingPathwayId: string | null;
}

export function AssessForm({ referralId, dueDate, receivedDate, today, unit, suggestedType, waitingPathwayId }: AssessFormProps) {
  const router = useRouter();
  const [assessedDate, setAssessedDate] = useState(today);
  const [decision, setDecision] = useState<ApiDecision | "">("");
  const [startPathway, setStartPathway] = useState(unit.pathwayTypes.length > 0);
  const initial: Values = {
    legalDeadline: "",
    reason: "",
    type: suggestedType && unit.pathwayTypes.includes(suggestedType as PathwayType) ? suggestedType : (unit.pathwayTypes[0] ?? ""),
    setting: unit.setting,
    responsibleClinicianId: "",
    justification: "",
  };
  const [state, formAction, pending] = useActionState(async (_previous: State, form: FormData): Promise<State> => {
    const values = Object.fromEntries(Object.keys(initial).map((k) => [k, String(form.get(k) ?? "")])) as Values;
    const keeps = decision !== "" && !closesReferral(API_DECISIONS[decision]);
    const result = await assessReferralAction(referralId, {
      assessedDate,
      decision: decision as ApiDecision,
      legalDeadline: decision === "right" ? values.legalDeadline : null,
      reason: keeps ? null : values.reason,
      justification: values.justification,
      pathway:
        keeps && startPathway && !waitingPathwayId
          ? { type: values.type as PathwayType, setting: values.setting as "POLIKLINIKK" | "DOGN", responsibleClinicianId: values.responsibleClinicianId }
          : null,
    });
    if (result.ok) {
      router.push(result.pathwayId ? `/forlop/${result.pathwayId}` : `/henvisninger/${referralId}`);
      router.refresh();
    }
    return { values, result };
  }, { values: initial, result: null });

  const failure = state.result && !state.result.ok ? state.result : null;
  const v = state.values;
  const closes = decision !== "" && closesReferral(API_DECISIONS[decision]);
  const keeps = decision !== "" && !closes;
  const late = assessedDate > dueDate;
  return (
    <form action={formAction} className="mt-4 space-y-5" noValidate aria-labelledby="vurder">
      <FailureSummary failure={failure}>
        {failure?.existingPathwayId && <Link href={`/forlop/${failure.existingPathwayId}`} className="underline">Gå til det åpne forløpet</Link>}
      </FailureSummary>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Vurdert dato" name="assessedDate" failure={failure} hint={`Mottatt ${formatNorwegianDate(receivedDate)}, frist ${formatNorwegianDate(dueDate)}.`}>
          {(d) => (
            <input id="assessedDate" name="assessedDate" type="date" min={receivedDate} max={today} value={assessedDate} onChange={(e) => setAssessedDate(e.target.value)} required className={inputClass} aria-describedby={d} />
          )}
        </Field>
      </div>
      <fieldset aria-describedby={failure?.fieldErrors.decision ? "decision-error" : undefined}>
        <legend className="font-medium">Beslutning</legend>
        <div className="mt-1 space-y-1">
          {(Object.keys(API_DECISIONS) as ApiDecision[]).map((d) => (
            <label key={d} className="flex items-center gap-2">
              <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
              {DECISION_LABELS[API_DECISIONS[d]]}
            </label>
          ))}
        </div>
        {failure?.fieldErrors.decision && <p id="decision-error" className="mt-1 text-sm text-red-900">{failure.fieldErrors.decision.join(" ")}</p>}
      </fieldset>
      {decision === "right" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Juridisk frist for start av helsehjelp" name="legalDeadline" failure={failure} hint="Første frammøte (M) må være senest denne dagen.">
            {(d) => <input id="legalDeadline" name="legalDeadline" type="date" min={assessedDate} required defaultValue={v.legalDeadline} className={inputClass} aria-describedby={d} />}
          </Field>
        </div>
      )}
      {closes && (
        <Field label="Begrunnelse" name="reason" failure={failure} hint="Beslutningen avslutter henvisningen.">
          {(d) => <textarea id="reason" name="reason" rows={3} maxLength={2000} required defaultValue={v.reason} className={inputClass} aria-describedby={d} />}
        </Field>
      )}
      {keeps && waitingPathwayId && (
        <p className="rounded border border-slate-300 bg-slate-50 p-3">
          Henvisningen har allerede et forløp som venter på start. Vurderingen registrerer startkoden (A) på det forløpet.
        </p>
      )}
      {keeps && !waitingPathwayId && unit.pathwayTypes.length > 0 && (
        <fieldset className="space-y-4 rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">Pakkeforløp</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="startPathway" checked={startPathway} onChange={(e) => setStartPathway(e.target.checked)} />
            Start pakkeforløp på vurderingsdatoen (startkode A)
          </label>
          {startPathway && (
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Type" name="pathway.type" failure={failure}>
                {(d) => (
                  <select id="pathway.type" name="type" defaultValue={v.type} className={inputClass} aria-describedby={d}>
                    {unit.pathwayTypes.map((t) => <option key={t} value={t}>{t} – {PATHWAY_NAMES[t as PathwayType]}</option>)}
                  </select>
                )}
              </Field>
              <Field label="Omsorgsnivå" name="pathway.setting" failure={failure}>
                {(d) => (
                  <select id="pathway.setting" name="setting" defaultValue={v.setting} className={inputClass} aria-describedby={d}>
                    <option value="POLIKLINIKK">Poliklinikk</option>
                    <option value="DOGN">Døgn</option>
                  </select>
                )}
              </Field>
              <Field label="Ansvarlig behandler" name="pathway.responsibleClinicianId" failure={failure}>
                {(d) => (
                  <select id="pathway.responsibleClinicianId" name="responsibleClinicianId" defaultValue={v.responsibleClinicianId} className={inputClass} aria-describedby={d}>
                    <option value="">Ikke tildelt ennå</option>
                    {unit.clinicians.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  </select>
                )}
              </Field>
            </div>
          )}
        </fieldset>
      )}
      {keeps && (startPathway || waitingPathwayId) && late && (
        <Field label="Begrunnelse for sen vurdering" name="justification" failure={failure} hint={`Vurderingen er senere enn fristen ${formatNorwegianDate(dueDate)}: startkoden lukker fristen for sent og krever en kort begrunnelse.`}>
          {(d) => <textarea id="justification" name="justification" rows={2} maxLength={2000} required defaultValue={v.justification} className={inputClass} aria-describedby={d} />}
        </Field>
      )}
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? "Lagrer …" : "Lagre vurdering"}
      </button>
    </form>
  );
}
