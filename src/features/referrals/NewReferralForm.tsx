"use client";
import { useActionState, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { PATHWAY_NAMES, type PathwayType } from "@/domain/rules";
import type { UnitOption } from "@/server/units/options";
import { registerReferralAction, type RegisterReferralResult } from "./actions";
import { FailureSummary, Field, inputClass } from "./fields";

// Register a referral. Every typed value survives a refusal from the server:
// the action state carries what was submitted, and the fields start from it.

type Values = Record<"nationalId" | "patientName" | "receivedDate" | "referrerName" | "referrerHpr" | "suggestedType" | "note", string>;
type State = { values: Values; result: RegisterReferralResult | null };
const EMPTY: Values = { nationalId: "", patientName: "", receivedDate: "", referrerName: "", referrerHpr: "", suggestedType: "", note: "" };

export function NewReferralForm({ units, today }: { units: UnitOption[]; today: string }) {
  const router = useRouter();
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const unit = units.find((u) => u.id === unitId);
  const [state, formAction, pending] = useActionState(async (_previous: State, form: FormData): Promise<State> => {
    const values = Object.fromEntries(Object.keys(EMPTY).map((k) => [k, String(form.get(k) ?? "")])) as Values;
    const result = await registerReferralAction({
      ...values,
      unitId,
      suggestedType: (values.suggestedType || null) as PathwayType | null,
      confirmDuplicate: form.get("confirmDuplicate") === "on",
    });
    if (result.ok) router.push(`/henvisninger?registrert=${result.referralId}`);
    return { values, result };
  }, { values: EMPTY, result: null });

  const failure = state.result && !state.result.ok ? state.result : null;
  const v = state.values;
  return (
    <form action={formAction} className="mt-6 space-y-5" noValidate>
      <FailureSummary failure={failure}>
        {failure?.existingReferralId && (
          <Link href={`/henvisninger/${failure.existingReferralId}`} className="underline">
            Se henvisningen som venter på vurdering
          </Link>
        )}
      </FailureSummary>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Pasient</legend>
        <Field label="Fødselsnummer, D-nummer eller H-nummer" name="nationalId" failure={failure} hint="11 siffer. Finnes pasienten, brukes den registrerte pasienten.">
          {(d) => <input id="nationalId" name="nationalId" inputMode="numeric" autoComplete="off" maxLength={14} required defaultValue={v.nationalId} className={inputClass} aria-describedby={d} />}
        </Field>
        <Field label="Pasientens fulle navn" name="patientName" failure={failure}>
          {(d) => <input id="patientName" name="patientName" autoComplete="off" required maxLength={200} defaultValue={v.patientName} className={inputClass} aria-describedby={d} />}
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Henvisning</legend>
        <Field label="Mottatt" name="receivedDate" failure={failure} hint="Fristen for vurdering er 10 virkedager etter denne datoen.">
          {(d) => <input id="receivedDate" name="receivedDate" type="date" max={today} required defaultValue={v.receivedDate} className={inputClass} aria-describedby={d} />}
        </Field>
        <Field label="Enhet" name="unitId" failure={failure}>
          {(d) => (
            <select id="unitId" name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)} className={inputClass} aria-describedby={d}>
              {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          )}
        </Field>
        <Field label="Henviser" name="referrerName" failure={failure}>
          {(d) => <input id="referrerName" name="referrerName" placeholder="F.eks. fastlege Kari Nordmann" required maxLength={200} defaultValue={v.referrerName} className={inputClass} aria-describedby={d} />}
        </Field>
        <Field label="Henviserens HPR-nummer (valgfritt)" name="referrerHpr" failure={failure}>
          {(d) => <input id="referrerHpr" name="referrerHpr" inputMode="numeric" maxLength={9} defaultValue={v.referrerHpr} className={inputClass} aria-describedby={d} />}
        </Field>
        <Field label="Foreslått pakkeforløp (valgfritt)" name="suggestedType" failure={failure}>
          {(d) => (
            <select key={unitId} id="suggestedType" name="suggestedType" defaultValue={unit?.pathwayTypes.includes(v.suggestedType as PathwayType) ? v.suggestedType : ""} className={inputClass} aria-describedby={d}>
              <option value="">Ikke foreslått</option>
              {unit?.pathwayTypes.map((t) => <option key={t} value={t}>{t} – {PATHWAY_NAMES[t as PathwayType]}</option>)}
            </select>
          )}
        </Field>
        <div className="sm:col-span-2">
          <Field label="Notat (valgfritt)" name="note" failure={failure}>
            {(d) => <textarea id="note" name="note" rows={3} maxLength={2000} defaultValue={v.note} className={inputClass} aria-describedby={d} />}
          </Field>
        </div>
      </fieldset>
      {failure?.existingReferralId && (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="confirmDuplicate" /> Dette er en ny henvisning: registrer den likevel
        </label>
      )}
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? "Registrerer …" : "Registrer henvisning"}
      </button>
    </form>
  );
}
