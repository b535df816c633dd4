import { redirect } from "next/navigation";
import { requirePage } from "@/server/auth/guard";

export const metadata = { title: "Administrasjon" };

// The administration opens on its users (src/features/admin/AdminNav.tsx lists the sections).
export default async function AdminRoute() {
  await requirePage("admin.users");
  redirect("/admin/brukere");
}
