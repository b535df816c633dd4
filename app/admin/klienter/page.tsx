import { MachineClientsPage } from "@/features/admin/clients/MachineClientsPage";

export const metadata = { title: "Maskinklienter" };
export default MachineClientsPage;
