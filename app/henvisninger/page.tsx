import { ReferralsPage } from "@/features/referrals/ReferralsPage";

export const metadata = { title: "Henvisninger" };
export default ReferralsPage;
