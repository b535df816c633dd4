import { WorklistPage } from "@/features/worklist/WorklistPage";

export const metadata = { title: "Arbeidsliste" };
export default WorklistPage;
