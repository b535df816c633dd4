import { NewReferralPage } from "@/features/referrals/NewReferralPage";

export const metadata = { title: "Registrer henvisning" };
export default NewReferralPage;
