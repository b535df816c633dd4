import { PostponedPage } from "@/features/worklist/PostponedPage";

export const metadata = { title: "Utsatte rader" };
export default PostponedPage;
