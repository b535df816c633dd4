import { requirePage } from "@/server/auth/guard";
import { PlannedPage } from "@/features/shell/PlannedPage";

export const metadata = { title: "Rapporter" };

export default async function ReportsRoute() {
  await requirePage("report.view");
  return (
    <PlannedPage
      title="Rapporter"
      intro="Lederens oversikt over enhetenes måloppnåelse, datakvalitet og utvikling, med forløpene bak hvert tall."
      items={[
        "Andel basisutredninger, utvidede utredninger og første evalueringer innen anbefalt tid (mål 80 %)",
        "Fordeling av dager over fristen, og skille mellom pasientutsatt og tjenesteårsak",
        "Utvikling måned for måned siste 12 måneder",
        "Oppmerksomheter per 100 hendelser, per kode og per behandler",
        "Sammenligning mellom enheter, CSV-eksport og utskriftsvennlig side",
      ]}
    />
  );
}
