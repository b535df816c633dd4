"use client";
import Link from "next/link";
import { useState } from "react";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/permissions";
import { ROLES_WITH_UNITS } from "@/domain/admin/user-change";
import { createUserAction, resetPasswordAction, updateUserAction } from "./actions";
import { buttonClass, FieldMessage, inputClass, ResultMessage, useAdminAction } from "./form-parts";

// The user administration's forms: a new user, a user's role and units, HPR
// number (HelseID), a new password, deactivation. The server decides; these only collect and show.

type UnitChoice = { id: string; name: string; active: boolean };
type FieldErrors = Record<string, string[]> | undefined;

function RoleAndUnits({ idPrefix, units, role, setRole, unitIds, setUnitIds, errors }: {
  idPrefix: string;
  units: UnitChoice[];
  role: Role;
  setRole: (role: Role) => void;
  unitIds: string[];
  setUnitIds: (ids: string[]) => void;
  errors: FieldErrors;
}) {
  const withUnits = ROLES_WITH_UNITS.includes(role);
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-role`} className="block text-sm font-medium">Rolle</label>
        <select id={`${idPrefix}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)} className={inputClass}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
        <FieldMessage id={`${idPrefix}-role-error`} messages={errors?.role} />
      </div>
      <fieldset aria-describedby={errors?.unitIds ? `${idPrefix}-units-error` : undefined}>
        <legend className="text-sm font-medium">Enheter {withUnits ? "" : "(ingen for denne rollen)"}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {units.filter((u) => u.active || unitIds.includes(u.id)).map((u) => (
            <label key={u.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                disabled={!withUnits}
                checked={withUnits && unitIds.includes(u.id)}
                onChange={(e) => setUnitIds(e.target.checked ? [...unitIds, u.id] : unitIds.filter((x) => x !== u.id))}
              />
              {u.name}{u.active ? "" : " (deaktivert)"}
            </label>
          ))}
        </div>
        <FieldMessage id={`${idPrefix}-units-error`} messages={errors?.unitIds} />
      </fieldset>
    </>
  );
}

function HprField({ idPrefix, defaultValue, errors }: { idPrefix: string; defaultValue?: string; errors: FieldErrors }) {
  return (
    <div>
      <label htmlFor={`${idPrefix}-hpr`} className="block text-sm font-medium">HPR-nummer (valgfritt)</label>
      <input
        id={`${idPrefix}-hpr`} name="hprNumber" inputMode="numeric" maxLength={12} autoComplete="off" defaultValue={defaultValue}
        className={inputClass} aria-describedby={`${idPrefix}-hpr-hint${errors?.hprNumber ? ` ${idPrefix}-hpr-error` : ""}`}
      />
      <p id={`${idPrefix}-hpr-hint`} className="text-sm text-slate-700">Helsepersonellnummeret, 4–9 sifre. Ved innlogging med HelseID kjennes brukeren igjen på det.</p>
      <FieldMessage id={`${idPrefix}-hpr-error`} messages={errors?.hprNumber} />
    </div>
  );
}

/** The HPR number alone: the first HelseID login matches on it. */
export function UserHprForm({ userId, hprNumber }: { userId: string; hprNumber: string | null }) {
  const { result, pending, run, failure } = useAdminAction();
  return (
    <form
      aria-labelledby="hpr-heading"
      className="mt-2 grid max-w-2xl gap-3 rounded border border-slate-300 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        run(() => updateUserAction(userId, { hprNumber: String(form.get("hprNumber") ?? "") }));
      }}
    >
      <HprField idPrefix="user" defaultValue={hprNumber ?? ""} errors={failure?.fieldErrors} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? "Lagrer …" : "Lagre HPR-nummer"}</button>
      </div>
      <ResultMessage result={result} />
    </form>
  );
}

export function NewUserForm({ units }: { units: UnitChoice[] }) {
  const { result, pending, run, failure } = useAdminAction();
  const [role, setRole] = useState<Role>("CLINICIAN");
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const errors = failure?.fieldErrors;
  return (
    <form
      aria-labelledby="new-user-heading"
      className="mt-2 grid max-w-2xl gap-3 rounded border border-slate-300 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const target = event.currentTarget;
        const input = {
          name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role, unitIds: ROLES_WITH_UNITS.includes(role) ? unitIds : [],
          hprNumber: String(form.get("hprNumber") ?? ""),
        };
        run(() => createUserAction(input, form.get("login") === "sso" ? "sso" : "password"), (r) => {
          if (r.ok) {
            target.reset();
            setUnitIds([]);
          }
        });
      }}
    >
      <div>
        <label htmlFor="new-user-name" className="block text-sm font-medium">Navn</label>
        <input id="new-user-name" name="name" required maxLength={200} autoComplete="off" className={inputClass} aria-describedby={errors?.name ? "new-user-name-error" : undefined} />
        <FieldMessage id="new-user-name-error" messages={errors?.name} />
      </div>
      <div>
        <label htmlFor="new-user-email" className="block text-sm font-medium">E-post</label>
        <input id="new-user-email" name="email" type="email" required maxLength={254} autoComplete="off" className={inputClass} aria-describedby={errors?.email ? "new-user-email-error" : undefined} />
        <FieldMessage id="new-user-email-error" messages={errors?.email} />
      </div>
      <HprField idPrefix="new-user" errors={errors} />
      <RoleAndUnits idPrefix="new-user" units={units} role={role} setRole={setRole} unitIds={unitIds} setUnitIds={setUnitIds} errors={errors} />
      <fieldset>
        <legend className="text-sm font-medium">Innlogging</legend>
        <label className="mr-4 inline-flex items-center gap-1"><input type="radio" name="login" value="password" defaultChecked /> Startpassord (vises én gang)</label>
        <label className="inline-flex items-center gap-1"><input type="radio" name="login" value="sso" /> Bare enkel pålogging (SSO)</label>
      </fieldset>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? "Oppretter …" : "Opprett bruker"}</button>
      </div>
      <ResultMessage result={result} />
      {result?.ok && result.id && <p><Link href={`/admin/brukere/${result.id}`} className="text-blue-800 underline">Åpne den nye brukeren</Link></p>}
    </form>
  );
}

export function UserAccessForm({ userId, units, role: initialRole, unitIds: initialUnits, mayBeResponsible: initialResponsible }: {
  userId: string;
  units: UnitChoice[];
  role: Role;
  unitIds: string[];
  mayBeResponsible: boolean;
}) {
  const { result, pending, run, failure } = useAdminAction();
  const [role, setRole] = useState<Role>(initialRole);
  const [unitIds, setUnitIds] = useState<string[]>(initialUnits);
  const [responsible, setResponsible] = useState(initialResponsible);
  return (
    <form
      aria-labelledby="access-heading"
      className="mt-2 grid max-w-2xl gap-3 rounded border border-slate-300 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => updateUserAction(userId, { role, unitIds: ROLES_WITH_UNITS.includes(role) ? unitIds : [], mayBeResponsible: role === "COORDINATOR" && responsible }));
      }}
    >
      <RoleAndUnits idPrefix="access" units={units} role={role} setRole={setRole} unitIds={unitIds} setUnitIds={setUnitIds} errors={failure?.fieldErrors} />
      {role === "COORDINATOR" && (
        <div>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={responsible} onChange={(e) => setResponsible(e.target.checked)} aria-describedby="access-responsible-hint" />
            Kan være ansvarlig behandler
          </label>
          <p id="access-responsible-hint" className="text-sm text-slate-700">
            Koordinatoren står da i listene over ansvarlige behandlere og foreslås som ansvarlig for nye forløp. Behandlere kan alltid være ansvarlige.
          </p>
          <FieldMessage id="access-responsible-error" messages={failure?.fieldErrors?.mayBeResponsible} />
        </div>
      )}
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? "Lagrer …" : "Lagre rolle og enheter"}</button>
      </div>
      <ResultMessage result={result} />
    </form>
  );
}

export function UserActiveButton({ userId, active }: { userId: string; active: boolean }) {
  const { result, pending, run } = useAdminAction();
  return (
    <div>
      <button type="button" disabled={pending} onClick={() => run(() => updateUserAction(userId, { active: !active }))}
        className={active ? "rounded border border-red-700 px-3 py-1 font-semibold text-red-800 disabled:opacity-60" : buttonClass}>
        {active ? "Deaktiver bruker" : "Aktiver bruker"}
      </button>
      <ResultMessage result={result} />
    </div>
  );
}

export function ResetPasswordButton({ userId }: { userId: string }) {
  const { result, pending, run } = useAdminAction();
  return (
    <div>
      <button type="button" disabled={pending} onClick={() => run(() => resetPasswordAction(userId))} className="rounded border border-slate-500 px-3 py-1 font-semibold disabled:opacity-60">
        {pending ? "Lager passord …" : "Lag nytt passord"}
      </button>
      <ResultMessage result={result} />
    </div>
  );
}
