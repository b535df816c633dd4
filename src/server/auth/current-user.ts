import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { readSessionCookie } from "@/auth/session-cookie";
import { Prisma } from "@/generated/prisma/client";
import { pooled } from "@/server/sql";
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
  // The session cookie read directly (same rules as Auth.js; see session-cookie.ts).
  const jar = await cookies();
  const session = await readSessionCookie((name) => jar.get(name)?.value, jar.getAll().map((c) => c.name), Math.floor(Date.now() / 1000));
  const id = session?.token.sub;
  if (!id) return null;
  // SQL on pg: this runs on every request (see sql.ts).
  const [user] = await pooled({ prepared: true }).rows<{ id: string; email: string; name: string; role: string; active: boolean; unitIds: string[] }>(Prisma.sql`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."active",
      array(SELECT uu."unitId" FROM "UserUnit" uu WHERE uu."userId" = u."id" ORDER BY uu."unitId") AS "unitIds"
    FROM "User" u WHERE u."id" = ${id}`);
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, unitIds: user.unitIds };
});

export async function currentRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}
