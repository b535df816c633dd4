import { PathwayPage } from "@/features/pathway/PathwayPage";

export const metadata = { title: "Forløp" };
export default PathwayPage;
