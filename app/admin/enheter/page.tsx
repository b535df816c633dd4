import { UnitsPage } from "@/features/admin/UnitsPage";

export const metadata = { title: "Enheter" };
export default UnitsPage;
