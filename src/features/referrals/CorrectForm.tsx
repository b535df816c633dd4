"use client";
import { useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { API_DECISIONS, apiDecisionOf, closesReferral, DECISION_LABELS, type ApiDecision, type ReferralDecision } from "@/domain/referrals";
import type { ActionFailure } from "@/server/actions/result";
import { correctAssessmentAction } from "./actions";
import { FailureSummary, Field, inputClass } from "./fields";

// Correct a wrong assessment: a new assessment with the reason for the
// correction; the earlier one stays in the history.

type Values = Record<"assessedDate" | "legalDeadline" | "reason" | "correctionReason", string>;
type State = { values: Values; failure: ActionFailure | null; done: boolean };

export function CorrectForm({
  referralId, today, current,
}: { referralId: string; today: string; current: { assessedDate: string; decision: ReferralDecision; legalDeadline: string | null; reason: string | null } }) {
  const router = useRouter();
  const [decision, setDecision] = useState<ApiDecision>(apiDecisionOf(current.decision));
  const initial: Values = { assessedDate: current.assessedDate, legalDeadline: current.legalDeadline ?? "", reason: current.reason ?? "", correctionReason: "" };
  const [state, formAction, pending] = useActionState(async (_previous: State, form: FormData): Promise<State> => {
    const values = Object.fromEntries(Object.keys(initial).map((k) => [k, String(form.get(k) ?? "")])) as Values;
    const result = await correctAssessmentAction(referralId, {
      ...values,
      decision,
      legalDeadline: decision === "right" ? values.legalDeadline : null,
      reason: closesReferral(API_DECISIONS[decision]) ? values.reason : null,
    });
    if (result.ok) {
      router.refresh();
      return { values: { ...values, correctionReason: "" }, failure: null, done: true };
    }
    return { values, failure: result, done: false };
  }, { values: initial, failure: null, done: false });
  const v = state.values;
  return (
    <form action={formAction} className="mt-3 space-y-4" noValidate>
      {state.done && <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900">Vurderingen er rettet.</p>}
      <FailureSummary failure={state.failure} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Vurdert dato" name="assessedDate" failure={state.failure}>
          {(d) => <input id="assessedDate" name="assessedDate" type="date" max={today} defaultValue={v.assessedDate} className={inputClass} aria-describedby={d} />}
        </Field>
        <Field label="Beslutning" name="decision" failure={state.failure}>
          {(d) => (
            <select id="decision" name="decision" value={decision} onChange={(e) => setDecision(e.target.value as ApiDecision)} className={inputClass} aria-describedby={d}>
              {(Object.keys(API_DECISIONS) as ApiDecision[]).map((k) => <option key={k} value={k}>{DECISION_LABELS[API_DECISIONS[k]]}</option>)}
            </select>
          )}
        </Field>
        {decision === "right" && (
          <Field label="Juridisk frist" name="legalDeadline" failure={state.failure}>
            {(d) => <input id="legalDeadline" name="legalDeadline" type="date" defaultValue={v.legalDeadline} className={inputClass} aria-describedby={d} />}
          </Field>
        )}
        {closesReferral(API_DECISIONS[decision]) && (
          <Field label="Begrunnelse for beslutningen" name="reason" failure={state.failure}>
            {(d) => <textarea id="reason" name="reason" rows={2} maxLength={2000} defaultValue={v.reason} className={inputClass} aria-describedby={d} />}
          </Field>
        )}
      </div>
      <Field label="Hvorfor rettes vurderingen?" name="correctionReason" failure={state.failure} hint="Lagres i historikken sammen med hvem og når.">
        {(d) => <textarea id="correctionReason" name="correctionReason" rows={2} maxLength={2000} required defaultValue={v.correctionReason} className={inputClass} aria-describedby={d} />}
      </Field>
      <button type="submit" disabled={pending} className="rounded border border-blue-800 px-4 py-2 font-medium text-blue-900 disabled:opacity-60">
        {pending ? "Lagrer …" : "Lagre rettelse"}
      </button>
    </form>
  );
}
