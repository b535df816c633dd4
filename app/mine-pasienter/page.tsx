import { OwnListPage } from "@/features/own-list/OwnListPage";

export const metadata = { title: "Mine pasienter" };
export default OwnListPage;
