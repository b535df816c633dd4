import { exportWorklistCsv } from "@/features/worklist/export";

export const dynamic = "force-dynamic";
export const GET = exportWorklistCsv;
