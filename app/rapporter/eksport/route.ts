import { exportReportCsv } from "@/features/reports/export";

export const dynamic = "force-dynamic";
export const GET = exportReportCsv;
