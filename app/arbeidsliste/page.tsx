import { requirePage } from "@/server/auth/guard";
import { PlannedPage } from "@/features/shell/PlannedPage";

export const metadata = { title: "Arbeidsliste" };

export default async function WorklistRoute() {
  await requirePage("worklist.view");
  return (
    <PlannedPage
      title="Arbeidsliste"
      intro="Forløpskoordinatorens daglige liste over alle forløp i enheten som trenger handling, mest haster først."
      items={[
        "Overskredne frister, sortert etter antall dager over",
        "Frister som forfaller innen valgt horisont (standard 14 dager)",
        "Henvisninger som ikke er vurdert innen 10 virkedager",
        "Kliniske beslutninger uten tilbakemelding til henviser",
        "Oppmerksomheter som ikke er forklart, og samtidige forløp",
        "Filtre, tildeling av behandler, eksport til CSV",
      ]}
    />
  );
}
