import { SettingsPage } from "@/features/notifications/SettingsPage";

export const metadata = { title: "Innstillinger" };
export default SettingsPage;
