import { ImportPage } from "@/features/import/ImportPage";

export const metadata = { title: "Import fra pasientjournalen" };
export default ImportPage;
