import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { auth } from "@/auth";
import { prisma } from "@/server/db";
import { isRole, type Role } from "@/domain/permissions";
import { requestMetaFrom, type RequestMeta } from "@/server/request-meta";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  unitIds: string[];
}

/** Who is acting and from where: passed to every service function. */
export interface Actor {
  user: CurrentUser;
  meta: RequestMeta;
}

/**
 * The logged-in user, re-read from the database once per request so that a
 * deactivated user, a changed role or changed unit membership takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true, units: { select: { unitId: true } } },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, unitIds: user.units.map((u) => u.unitId) };
});

export async function currentRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}
