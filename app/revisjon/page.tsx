import { AuditReviewPage } from "@/features/audit-review/AuditReviewPage";

export const metadata = { title: "Revisjon" };
export default AuditReviewPage;
