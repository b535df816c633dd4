import { ReferralPage } from "@/features/referrals/ReferralPage";

export const metadata = { title: "Henvisning" };
export default ReferralPage;
