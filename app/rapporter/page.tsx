import { ReportsPage } from "@/features/reports/ReportsPage";

export const metadata = { title: "Rapporter" };
export default ReportsPage;
