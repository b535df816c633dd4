import { CliniciansPage } from "@/features/reports/CliniciansPage";

export const metadata = { title: "Alle behandlere i rapporten" };
export default CliniciansPage;
