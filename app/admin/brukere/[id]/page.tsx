import { UserPage } from "@/features/admin/UserPage";

export const metadata = { title: "Bruker" };
export default UserPage;
