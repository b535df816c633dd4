import { NewPathwayPage } from "@/features/new-pathway/NewPathwayPage";

export const metadata = { title: "Nytt pakkeforløp" };
export default NewPathwayPage;
