"use client";
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { FILTER_FIELD, FilterSelect } from "@/features/shell/FilterSelect";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { searchAuditAction, type AuditSearchResult } from "./actions";

// The audit search: sent by POST (a server action), because the national id
// must never be part of an address. The result page's URL carries the
// patient's internal id instead.

type Values = Record<"nationalId" | "bruker" | "handling" | "fra" | "til", string>;
type State = { values: Values; result: AuditSearchResult | null };

export interface AuditSearchFormProps {
  initial: Values;
  users: { id: string; label: string }[];
  actions: { value: string; label: string }[];
}

export function AuditSearchForm({ initial, users, actions }: AuditSearchFormProps) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(async (_previous: State, form: FormData): Promise<State> => {
    const values = Object.fromEntries(Object.keys(initial).map((k) => [k, String(form.get(k) ?? "")])) as Values;
    const result = await searchAuditAction(values);
    if (result.ok && result.href) router.push(result.href);
    return { values, result };
  }, { values: initial, result: null });
  const v = state.values;
  const failure = state.result && !state.result.ok ? state.result : null;
  const error = (field: string) => failure?.fieldErrors[field]?.join(" ");
  return (
    <form action={formAction} aria-label="Søk i revisjonsloggen" className="mt-4 rounded border border-slate-300 bg-white p-3" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="a-fnr" className="block text-sm font-medium">Pasientens fødselsnummer</label>
          <input
            id="a-fnr" name="nationalId" defaultValue={v.nationalId} inputMode="numeric" autoComplete="off" maxLength={11}
            className={FILTER_FIELD} aria-describedby={error("nationalId") ? "a-fnr-error" : undefined} aria-invalid={error("nationalId") ? true : undefined}
          />
        </div>
        <FilterSelect id="a-bruker" name="bruker" label="Bruker" value={v.bruker} allLabel="Alle brukere" options={users.map((u) => ({ value: u.id, label: u.label }))} />
        <FilterSelect id="a-handling" name="handling" label="Handling" value={v.handling} allLabel="Alle handlinger" options={actions} />
        <div>
          <label htmlFor="a-fra" className="block text-sm font-medium">Fra</label>
          <input id="a-fra" name="fra" type="date" defaultValue={v.fra} className={FILTER_FIELD} />
        </div>
        <div>
          <label htmlFor="a-til" className="block text-sm font-medium">Til</label>
          <input id="a-til" name="til" type="date" defaultValue={v.til} className={FILTER_FIELD} aria-describedby={error("til") ? "a-til-error" : undefined} />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800">Søk</button>
      </div>
      {error("nationalId") && <p id="a-fnr-error" className="mt-2 text-sm text-red-900">{error("nationalId")}</p>}
      {error("til") && <p id="a-til-error" className="mt-2 text-sm text-red-900">{error("til")}</p>}
      <div role="status" className="mt-2">
        {state.result?.ok && state.result.message && <p className="font-medium">{state.result.message}</p>}
        {failure && <p className="text-red-900">{failure.message}</p>}
        <SessionExpiredLink code={failure?.code} />
      </div>
    </form>
  );
}
