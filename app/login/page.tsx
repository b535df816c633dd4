import { LoginPage } from "@/features/login/LoginPage";

export const metadata = { title: "Logg inn" };
export default LoginPage;
