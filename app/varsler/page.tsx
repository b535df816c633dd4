import { NotificationsPage } from "@/features/notifications/NotificationsPage";

export const metadata = { title: "Varsler" };
export default NotificationsPage;
