import { requirePage } from "@/server/auth/guard";
import { PlannedPage } from "@/features/shell/PlannedPage";

export const metadata = { title: "Administrasjon" };

export default async function AdminRoute() {
  await requirePage("admin.users");
  return (
    <PlannedPage
      title="Administrasjon"
      intro="Brukere, enheter og regeltabeller. Administratorer ser ikke pasientdata."
      items={[
        "Brukere: opprette, gi rolle og enhet, deaktivere",
        "Enheter: navn, type (DPS, BUP, TSB), poliklinikk eller døgn, hvilke pakkeforløp enheten har",
        "Regeltabeller: forløpstider og lokale hendelseskoder som ikke er bekreftet, synlige og merket",
        "Revisjonslogg: hvem har sett og endret hvilke pasientdata",
      ]}
    />
  );
}
