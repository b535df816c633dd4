import { SCOPE_LABELS } from "@/domain/permissions";
import { formatOsloDateTime } from "@/lib/dates";
import { requirePage } from "@/server/auth/guard";
import { listClients } from "@/server/clients/list";
import { clientUnitChoices } from "@/server/clients/unit-choices";
import { CreateClientForm } from "./CreateClientForm";
import { RevokeClientButton } from "./RevokeClientButton";
import { AdminNav } from "../AdminNav";

// Maskinklienter (administrator): the EPJ integration's API access. The list
// never shows a token; a new client's token is shown once, in the form.

const when = (iso: string | null) => (iso ? formatOsloDateTime(new Date(iso)) : "–");

export async function MachineClientsPage() {
  const actor = await requirePage("admin.clients");
  const [clients, units] = await Promise.all([listClients(actor), clientUnitChoices(actor)]);
  return (
    <section className="max-w-5xl">
      <h1 className="text-2xl font-semibold">Maskinklienter</h1>
      <AdminNav />
      <p className="mt-2 text-slate-700">
        Gir pasientjournalsystemet (EPJ) tilgang til API-et med en nøkkel (<code>Authorization: Bearer …</code>), bare til de valgte
        enhetene og tilgangene. Nøkkelen vises én gang. Hvert kall logges med klienten som aktør.
      </p>

      <h2 className="mt-6 text-xl font-semibold">Ny maskinklient</h2>
      <CreateClientForm units={units} scopes={Object.entries(SCOPE_LABELS).map(([value, label]) => ({ value, label }))} />

      <h2 className="mt-8 text-xl font-semibold">Klienter</h2>
      {clients.length === 0 ? (
        <p className="mt-2">Ingen maskinklienter ennå.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">Navn</th>
                <th scope="col" className="py-2 pr-3">Enheter</th>
                <th scope="col" className="py-2 pr-3">Tilganger</th>
                <th scope="col" className="py-2 pr-3">Opprettet</th>
                <th scope="col" className="py-2 pr-3">Sist brukt</th>
                <th scope="col" className="py-2 pr-3">Status</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-medium">{c.name}</th>
                  <td className="py-2 pr-3">{c.units.map((u) => u.name).join(", ")}</td>
                  <td className="py-2 pr-3">
                    <ul>
                      {c.scopes.map((s) => (
                        <li key={s}>
                          <code>{s}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="py-2 pr-3">
                    {when(c.createdAt)}
                    <span className="block text-slate-600">av {c.createdBy}</span>
                  </td>
                  <td className="py-2 pr-3">{when(c.lastUsedAt)}</td>
                  <td className="py-2 pr-3">
                    {c.revokedAt ? (
                      <span>Tilbakekalt {when(c.revokedAt)}</span>
                    ) : (
                      <>
                        <span className="block">Aktiv</span>
                        <RevokeClientButton clientId={c.id} name={c.name} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
