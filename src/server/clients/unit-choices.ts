import "server-only";
import { assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { prisma } from "@/server/db";

/** Every unit a machine client can be given (the administrator has no units of their own). */
export async function clientUnitChoices(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor.user, "admin.clients");
  return prisma.unit.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
