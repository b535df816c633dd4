import { PatternsPage } from "@/features/audit-review/PatternsPage";

export const metadata = { title: "Mønstre i revisjonsloggen" };
export default PatternsPage;
