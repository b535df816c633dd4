import Link from "next/link";
import { notFound } from "next/navigation";
import { ROLE_LABELS } from "@/domain/permissions";
import { isRecordId } from "@/lib/record-id";
import { requirePage } from "@/server/auth/guard";
import { NotFoundError } from "@/server/errors";
import { getUser } from "@/server/admin/users/service";
import { unitChoices } from "@/server/admin/units/service";
import { AdminNav } from "./AdminNav";
import { ResetPasswordButton, UserAccessForm, UserActiveButton, UserHprForm } from "./UserForms";

const instant = new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", dateStyle: "short", timeStyle: "short" });

// One user: role and units, a new password, deactivation. Changes take effect
// on the user's next request.
export async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("admin.users");
  const { id } = await params;
  if (!isRecordId(id)) notFound();
  const [user, units] = await Promise.all([
    getUser(actor, id).catch((error) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    unitChoices(actor),
  ]);
  const self = user.id === actor.user.id;
  return (
    <section>
      <h1 className="text-2xl font-semibold">Administrasjon</h1>
      <AdminNav />
      <p><Link href="/admin/brukere" className="text-blue-800 underline">Tilbake til brukere</Link></p>
      <h2 className="mt-2 text-xl font-semibold">{user.name}</h2>
      <dl className="mt-2 grid max-w-2xl gap-x-6 gap-y-2 rounded border border-slate-300 bg-white p-4 sm:grid-cols-2">
        <div><dt className="text-sm text-slate-700">E-post</dt><dd>{user.email}</dd></div>
        <div><dt className="text-sm text-slate-700">Rolle</dt><dd>{ROLE_LABELS[user.role]}</dd></div>
        {user.role === "COORDINATOR" && (
          <div><dt className="text-sm text-slate-700">Ansvarlig behandler</dt><dd>{user.mayBeResponsible ? "Kan være ansvarlig for pasienter" : "Nei"}</dd></div>
        )}
        <div><dt className="text-sm text-slate-700">HPR-nummer</dt><dd>{user.hprNumber ?? "Ikke registrert"}</dd></div>
        <div><dt className="text-sm text-slate-700">Status</dt><dd>{user.active ? "Aktiv" : "Deaktivert"}</dd></div>
        <div><dt className="text-sm text-slate-700">Innlogging</dt><dd>{user.ssoOnly ? "Bare enkel pålogging (SSO)" : "Passord"}</dd></div>
        <div><dt className="text-sm text-slate-700">Sist innlogget</dt><dd>{user.lastLoginAt ? instant.format(new Date(user.lastLoginAt)) : "Aldri"}</dd></div>
      </dl>
      <h3 id="access-heading" className="mt-6 text-lg font-semibold">Rolle og enheter</h3>
      <UserAccessForm key={`${user.role}:${user.unitIds.join()}:${user.mayBeResponsible}`} userId={user.id} units={units} role={user.role} unitIds={user.unitIds} mayBeResponsible={user.mayBeResponsible} />
      <h3 id="hpr-heading" className="mt-6 text-lg font-semibold">HPR-nummer (HelseID)</h3>
      <UserHprForm userId={user.id} hprNumber={user.hprNumber} />
      <h3 className="mt-6 text-lg font-semibold">Passord</h3>
      <p className="text-sm text-slate-700">Et nytt passord vises én gang. Brukerens andre økter avsluttes.</p>
      <div className="mt-2"><ResetPasswordButton userId={user.id} /></div>
      <h3 className="mt-6 text-lg font-semibold">Tilgang</h3>
      {self ? (
        <p className="text-sm">Du kan ikke deaktivere deg selv.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {user.active ? "En deaktivert bruker logges ut med en gang og kan ikke logge inn." : "Brukeren er deaktivert og kan ikke logge inn."}
          </p>
          <div className="mt-2"><UserActiveButton userId={user.id} active={user.active} /></div>
        </>
      )}
    </section>
  );
}
