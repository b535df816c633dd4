import { UnitPage } from "@/features/admin/UnitPage";

export const metadata = { title: "Enhet" };
export default UnitPage;
