"use client";
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { SessionExpiredLink } from "@/features/shell/SessionExpiredLink";
import { postJson } from "./api-call";

/**
 * Creates a machine client: name, units and scopes. The answer's token is
 * shown here once, to copy into the EPJ's settings; it cannot be shown again.
 */
export function CreateClientForm({ units, scopes }: { units: { id: string; name: string }[]; scopes: { value: string; label: string }[] }) {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState("");
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [chosenScopes, setChosenScopes] = useState<string[]>([]);
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await postJson<{ id: string; token: string }>("/api/v1/admin/clients", { name, unitIds, scopes: chosenScopes });
      if (!result.ok) return setFailure(result);
      setFailure(null);
      setCopied(false);
      setCreated({ name: name.trim(), token: result.body.token });
      setName("");
      setUnitIds([]);
      setChosenScopes([]);
      router.refresh();
    });
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      // no clipboard (plain http): the field is selected for copying by hand
      (document.getElementById(`${id}-token`) as HTMLInputElement | null)?.select();
    }
  }

  return (
    <>
      {created && (
        <div role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-3">
          <p className="font-medium">Maskinklienten «{created.name}» er opprettet.</p>
          <label htmlFor={`${id}-token`} className="mt-2 block">
            Nøkkel – kopier den nå og legg den inn i EPJ. Den vises ikke igjen.
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id={`${id}-token`}
              readOnly
              value={created.token}
              onFocus={(e) => e.currentTarget.select()}
              className="w-full max-w-xl rounded border border-slate-400 px-2 py-1 font-mono text-sm"
            />
            <button type="button" onClick={copy} className="rounded border border-blue-800 px-3 py-1 font-medium text-blue-800">
              Kopier nøkkelen
            </button>
          </div>
          {copied && <p className="mt-1 text-sm">Nøkkelen er kopiert.</p>}
        </div>
      )}
      <form onSubmit={submit} className="mt-3 space-y-3 rounded border border-slate-200 p-4">
        <div>
          <label htmlFor={`${id}-name`} className="block font-medium">
            Navn
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            required
            className="mt-1 w-full max-w-md rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <fieldset>
          <legend className="font-medium">Enheter</legend>
          {units.map((u) => (
            <label key={u.id} className="mt-1 flex items-center gap-2">
              <input type="checkbox" checked={unitIds.includes(u.id)} onChange={(e) => setUnitIds(toggle(unitIds, u.id, e.target.checked))} />
              {u.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="font-medium">Tilganger</legend>
          {scopes.map((s) => (
            <label key={s.value} className="mt-1 flex items-center gap-2">
              <input type="checkbox" checked={chosenScopes.includes(s.value)} onChange={(e) => setChosenScopes(toggle(chosenScopes, s.value, e.target.checked))} />
              <span>
                {s.label} (<code>{s.value}</code>)
              </span>
            </label>
          ))}
        </fieldset>
        {failure && (
          <p role="alert" className="text-red-800">
            {failure.message}
            <SessionExpiredLink code={failure.code} />
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60">
          {pending ? "Oppretter …" : "Opprett maskinklient"}
        </button>
      </form>
    </>
  );
}
