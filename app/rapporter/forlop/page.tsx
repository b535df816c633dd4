import { DrillDownPage } from "@/features/reports/DrillDownPage";

export const metadata = { title: "Forløpene bak tallet" };
export default DrillDownPage;
