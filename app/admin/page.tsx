import { UsersPage } from "@/features/admin/UsersPage";

// The administration opens on its users (src/features/admin/AdminNav.tsx lists
// the sections). Shown here rather than redirected: "/" already redirects an
// administrator to /admin, and a chain of two redirects stalls Next's prefetch.
export const metadata = { title: "Brukere" };
export default UsersPage;
