"use client";
import { useMemo, useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { previewStart } from "@/domain/events/start-preview";
import type { PathwayType } from "@/domain/rules";
import { isIsoDate } from "@/lib/dates";
import type { UnitOption } from "@/server/units/options";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { createPathwayAction, type CreatePathwayResult } from "./actions";

const TYPE_NAMES: Record<string, string> = {
  D01: "Tverrfaglig spesialisert rusbehandling (TSB)",
  D11: "Psykisk helsevern, voksne",
  D12: "Psykisk helsevern, barn og unge",
  D06: "Psykoseutvikling og psykoselidelser",
  D07: "Tvangslidelse (OCD)",
  D08: "Spiseforstyrrelser hos barn og unge",
  D09: "Gravide som bruker/har brukt rusmidler",
};

const input = "mt-1 w-full rounded border border-slate-400 px-3 py-2";

// The form is sent with onSubmit, not <form action>: React resets a form's
// fields after a form action, and every value must survive a refusal (a wrong
// check digit, a missing name, a justification). Whether the referral was
// assessed late, so that a justification is needed, is shown while typing
// (the engine's own preview, previewStart), not learned from a refusal.
export function NewPathwayForm({ units, today, currentUserId }: { units: UnitOption[]; today: string; currentUserId: string }) {
  const router = useRouter();
  const [unitId, setUnitId] = useState(units[0]?.id ?? "");
  const unit = units.find((u) => u.id === unitId);
  const [chosenType, setType] = useState<string>(unit?.pathwayTypes[0] ?? "");
  // the chosen type while the unit offers it, else the unit's first
  const type = unit?.pathwayTypes.find((t) => t === chosenType) ?? unit?.pathwayTypes[0] ?? "";
  const [referralReceived, setReferralReceived] = useState("");
  const [assessedDate, setAssessedDate] = useState("");
  const [directTreatmentRight, setDirectTreatmentRight] = useState(false);
  const [severe, setSevere] = useState(false);
  const [result, setResult] = useState<CreatePathwayResult | null>(null);
  const [pending, startTransition] = useTransition();

  const start = useMemo(() => {
    if (!unit || !type || !isIsoDate(referralReceived) || !isIsoDate(assessedDate)) return null;
    if (assessedDate < referralReceived || assessedDate > today) return null;
    return previewStart(
      { type: type as PathwayType, setting: unit.setting === "DOGN" ? "dogn" : "poliklinikk", referralReceived, assessedDate, directTreatmentRight, severe: severe && type === "D08" },
      today,
    );
  }, [unit, type, referralReceived, assessedDate, directTreatmentRight, severe, today]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const right = text("rightToCare");
    startTransition(async () => {
      const response = await createPathwayAction({
        nationalId: text("nationalId"),
        patientName: text("patientName"),
        unitId,
        type: text("type"),
        responsibleClinicianId: text("responsibleClinicianId"),
        referralReceived: text("referralReceived"),
        referrerName: text("referrerName"),
        referrerHpr: text("referrerHpr"),
        assessedDate: text("assessedDate"),
        rightToCare: right === "" ? null : right === "yes",
        severe: severe && unit?.pathwayTypes.includes("D08") === true,
        directTreatmentRight,
        justification: text("justification"),
      });
      setResult(response);
      if (response.ok) router.push(`/forlop/${response.pathwayId}`);
    });
  }

  const failure = result && !result.ok ? result : null;
  const err = (field: string) =>
    failure?.fieldErrors[field]?.length ? (
      <p id={`${field}-error`} className="mt-1 text-sm text-red-900">
        {failure.fieldErrors[field].join(" ")}
      </p>
    ) : null;
  const described = (field: string) => (failure?.fieldErrors[field]?.length ? `${field}-error` : undefined);

  return (
    <form onSubmit={submit} className="mt-6 space-y-5">
      {failure && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-medium">{failure.message}</p>
          <SessionExpiredLink code={failure.code} />
          {failure.existingPathwayId && (
            <Link href={`/forlop/${failure.existingPathwayId}`} className="underline">
              Gå til det åpne forløpet
            </Link>
          )}
        </div>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Pasient</legend>
        <div>
          <label htmlFor="nationalId" className="block font-medium">Fødselsnummer eller D-nummer</label>
          <input id="nationalId" name="nationalId" inputMode="numeric" autoComplete="off" maxLength={13} required className={input} aria-describedby={described("nationalId")} />
          {err("nationalId")}
        </div>
        <div>
          <label htmlFor="patientName" className="block font-medium">Pasientens fulle navn</label>
          <input id="patientName" name="patientName" autoComplete="off" required minLength={2} maxLength={200} className={input} aria-describedby={described("patientName")} />
          {err("patientName")}
        </div>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Henvisning</legend>
        <div>
          <label htmlFor="referralReceived" className="block font-medium">Mottatt</label>
          <input id="referralReceived" name="referralReceived" type="date" max={today} required value={referralReceived} onChange={(e) => setReferralReceived(e.target.value)} className={input} aria-describedby={described("referralReceived")} />
          {err("referralReceived")}
        </div>
        <div>
          <label htmlFor="assessedDate" className="block font-medium">Vurdert (start registreres denne dagen)</label>
          <input id="assessedDate" name="assessedDate" type="date" max={today} value={assessedDate} onChange={(e) => setAssessedDate(e.target.value)} className={input} aria-describedby={described("assessedDate")} />
          {err("assessedDate")}
        </div>
        <div>
          <label htmlFor="referrerName" className="block font-medium">Henviser</label>
          <input id="referrerName" name="referrerName" placeholder="F.eks. fastlege Kari Nordmann" required className={input} aria-describedby={described("referrerName")} />
          {err("referrerName")}
        </div>
        <div>
          <label htmlFor="referrerHpr" className="block font-medium">Henviserens HPR-nummer</label>
          <input id="referrerHpr" name="referrerHpr" inputMode="numeric" className={input} aria-describedby={described("referrerHpr")} />
          {err("referrerHpr")}
        </div>
        <div>
          <label htmlFor="rightToCare" className="block font-medium">Rett til nødvendig helsehjelp</label>
          <select id="rightToCare" name="rightToCare" className={input} defaultValue="">
            <option value="">Ikke vurdert ennå</option>
            <option value="yes">Ja</option>
            <option value="no">Nei</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Forløp</legend>
        <div>
          <label htmlFor="unitId" className="block font-medium">Enhet</label>
          <select id="unitId" name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)} className={input}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="type" className="block font-medium">Type pakkeforløp</label>
          <select id="type" name="type" required value={type} onChange={(e) => setType(e.target.value)} className={input} aria-describedby={described("type")}>
            {unit?.pathwayTypes.map((t) => (
              <option key={t} value={t}>{t} – {TYPE_NAMES[t] ?? t}</option>
            ))}
          </select>
          {err("type")}
        </div>
        <div>
          <label htmlFor="responsibleClinicianId" className="block font-medium">Ansvarlig behandler</label>
          <select id="responsibleClinicianId" name="responsibleClinicianId" className={input} defaultValue={unit?.clinicians.some((c) => c.id === currentUserId) ? currentUserId : ""}>
            <option value="">Ikke tildelt ennå</option>
            {unit?.clinicians.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
          {err("responsibleClinicianId")}
        </div>
        <div className="space-y-2 pt-6">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="directTreatmentRight" checked={directTreatmentRight} onChange={(e) => setDirectTreatmentRight(e.target.checked)} /> Rett til behandling direkte (klinisk beslutning uten utredning)
          </label>
          {unit?.pathwayTypes.includes("D08") && (
            <label className="flex items-center gap-2">
              <input type="checkbox" name="severe" checked={severe} onChange={(e) => setSevere(e.target.checked)} /> Alvorlig spiseforstyrrelse (D08: første frammøte innen 7 dager)
            </label>
          )}
        </div>
      </fieldset>
      <div aria-live="polite">
        {start && (
          <div className={`rounded border p-3 ${start.needsJustification ? "border-amber-300 bg-amber-50 text-amber-950" : "border-green-300 bg-green-50 text-green-900"}`}>
            <p className="font-medium">{start.summary}</p>
            {start.justificationReason && <p className="mt-1 text-sm">{start.justificationReason}</p>}
          </div>
        )}
      </div>
      <div>
        <label htmlFor="justification" className="block font-medium">
          {start?.needsJustification ? "Begrunnelse for sen vurdering (påkrevd)" : "Begrunnelse (påkrevd hvis henvisningen er vurdert etter fristen)"}
        </label>
        <textarea id="justification" name="justification" rows={2} maxLength={2000} className={input} aria-describedby={described("justification")} />
        {err("justification")}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
        {pending ? "Oppretter …" : "Opprett forløp"}
      </button>
    </form>
  );
}
