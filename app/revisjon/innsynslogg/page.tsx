import { AccessReportPage } from "@/features/audit-review/AccessReportPage";

export const metadata = { title: "Innsynslogg" };
export default AccessReportPage;
