"use server";
import { signOut } from "@/auth";
import { getCurrentUser, currentRequestMeta } from "@/server/auth/current-user";
import { writeAudit } from "@/server/audit";
import { prisma } from "@/server/db";

export async function logoutAction() {
  const user = await getCurrentUser();
  if (user) await writeAudit(prisma, { userId: user.id, action: "LOGOUT" }, await currentRequestMeta());
  await signOut({ redirectTo: "/login" });
}
