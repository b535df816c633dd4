import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "@/domain/permissions";
import { requirePage } from "@/server/auth/guard";

// Each role lands on the page made for it.
export async function HomePage(): Promise<never> {
  const { user } = await requirePage();
  redirect(HOME_BY_ROLE[user.role]);
}
