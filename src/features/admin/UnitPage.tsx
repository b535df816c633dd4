import Link from "next/link";
import { notFound } from "next/navigation";
import { isRecordId } from "@/lib/record-id";
import { requirePage } from "@/server/auth/guard";
import { NotFoundError } from "@/server/errors";
import { getUnit } from "@/server/admin/units/service";
import { AdminNav } from "./AdminNav";
import { CodesRecordedInForm, UnitActiveButton, UnitForm } from "./UnitForms";

// One unit: edit it, and deactivate it once no pathway is open there (counts only, no patient data).
export async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("admin.units");
  const { id } = await params;
  if (!isRecordId(id)) notFound();
  const unit = await getUnit(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <section>
      <h1 className="text-2xl font-semibold">Administrasjon</h1>
      <AdminNav />
      <p><Link href="/admin/enheter" className="text-blue-800 underline">Tilbake til enheter</Link></p>
      <h2 id="unit-heading" className="mt-2 text-xl font-semibold">{unit.name}</h2>
      <UnitForm unitId={unit.id} labelledBy="unit-heading" values={{ name: unit.name, code: unit.code ?? "", kind: unit.kind, setting: unit.setting, pathwayTypes: unit.pathwayTypes }} />
      <h3 className="mt-6 text-lg font-semibold">Forløpskoder</h3>
      <CodesRecordedInForm unitId={unit.id} value={unit.codesRecordedIn} />
      <h3 className="mt-6 text-lg font-semibold">Status</h3>
      <p className="text-sm">
        {unit.active ? "Aktiv." : "Deaktivert: tar ikke imot nye henvisninger eller forløp."} Åpne forløp: {unit.openPathways}. Henvisninger som ikke er vurdert: {unit.unassessedReferrals}.
      </p>
      <div className="mt-2"><UnitActiveButton unitId={unit.id} active={unit.active} /></div>
    </section>
  );
}
