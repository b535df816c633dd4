import Link from "next/link";
import { requirePage } from "@/server/auth/guard";
import { listUnits } from "@/server/admin/units/service";
import { AdminNav } from "./AdminNav";
import { UnitForm } from "./UnitForms";

export const SETTING_LABELS = { POLIKLINIKK: "Poliklinikk", DOGN: "Døgn" } as const;

// Enheter: every unit with code, kind, setting, pathway types and status, and a new unit.
export async function UnitsPage() {
  const actor = await requirePage("admin.units");
  const units = await listUnits(actor);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Administrasjon</h1>
      <AdminNav />
      <h2 className="text-xl font-semibold">Enheter</h2>
      <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Enheter</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">Navn</th>
            <th scope="col" className="p-2">Kode</th>
            <th scope="col" className="p-2">Type</th>
            <th scope="col" className="p-2">Poliklinikk eller døgn</th>
            <th scope="col" className="p-2">Pakkeforløp</th>
            <th scope="col" className="p-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id} className="border-b border-slate-200">
              <td className="p-2"><Link href={`/admin/enheter/${u.id}`} prefetch={false} className="text-blue-800 underline">{u.name}</Link></td>
              <td className="p-2">{u.code ?? "–"}</td>
              <td className="p-2">{u.kind}</td>
              <td className="p-2">{SETTING_LABELS[u.setting]}</td>
              <td className="p-2">{u.pathwayTypes.join(", ")}</td>
              <td className="p-2">{u.active ? "Aktiv" : "Deaktivert"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="new-unit-heading" className="mt-8 text-xl font-semibold">Ny enhet</h2>
      <UnitForm labelledBy="new-unit-heading" />
    </section>
  );
}
