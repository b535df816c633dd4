import { RuleTablesPage } from "@/features/rule-tables/RuleTablesPage";

export const metadata = { title: "Regeltabeller" };
export default RuleTablesPage;
