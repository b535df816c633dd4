import Link from "next/link";
import { ROLE_LABELS } from "@/domain/permissions";
import { requirePage } from "@/server/auth/guard";
import { listUsers } from "@/server/admin/users/service";
import { userSearchQuery } from "@/server/admin/users/schema";
import { unitChoices } from "@/server/admin/units/service";
import { AdminNav } from "./AdminNav";
import { NewUserForm } from "./UserForms";
import { DigestFailures } from "./DigestFailures";

// Brukere: every user with role, units and status, a search by name or
// e-mail, and a new user. No patient data.
export async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePage("admin.users");
  const raw = await searchParams;
  const parsed = userSearchQuery.safeParse({ q: typeof raw.q === "string" ? raw.q : undefined });
  const q = parsed.success ? parsed.data.q ?? "" : "";
  const [users, units] = await Promise.all([listUsers(actor, { q }), unitChoices(actor)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return (
    <section>
      <h1 className="text-2xl font-semibold">Administrasjon</h1>
      <AdminNav />
      <h2 className="text-xl font-semibold">Brukere</h2>
      <form role="search" className="mt-2 flex items-end gap-2" action="/admin/brukere">
        <div>
          <label htmlFor="user-search" className="block text-sm font-medium">Søk etter navn eller e-post</label>
          <input id="user-search" name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 rounded border border-slate-400 px-3 py-1" />
        </div>
        <button type="submit" className="rounded border border-slate-500 px-3 py-1">Søk</button>
      </form>
      {!parsed.success && <p className="mt-2 text-red-900">{parsed.error.issues[0]?.message}</p>}
      <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Brukere</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">Navn</th>
            <th scope="col" className="p-2">E-post</th>
            <th scope="col" className="p-2">Rolle</th>
            <th scope="col" className="p-2">Enheter</th>
            <th scope="col" className="p-2">Innlogging</th>
            <th scope="col" className="p-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-slate-200">
              <td className="p-2"><Link href={`/admin/brukere/${u.id}`} prefetch={false} className="text-blue-800 underline">{u.name}</Link></td>
              <td className="p-2">{u.email}</td>
              <td className="p-2">{ROLE_LABELS[u.role]}</td>
              <td className="p-2">{u.unitIds.map((id) => unitName.get(id) ?? id).join(", ") || "–"}</td>
              <td className="p-2">{u.ssoOnly ? "Bare SSO" : "Passord"}</td>
              <td className="p-2">{u.active ? "Aktiv" : "Deaktivert"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.length === 0 && <p className="mt-2">Ingen brukere passer søket.</p>}
      <h2 id="new-user-heading" className="mt-8 text-xl font-semibold">Ny bruker</h2>
      <NewUserForm units={units} />
      <DigestFailures />
    </section>
  );
}
