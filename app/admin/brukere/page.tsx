import { UsersPage } from "@/features/admin/UsersPage";

export const metadata = { title: "Brukere" };
export default UsersPage;
