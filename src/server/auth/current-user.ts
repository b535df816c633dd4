import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { requestMetaFrom, type RequestMeta } from "@/server/request-meta";
import { resolveSession, type CurrentSession, type CurrentUser } from "./session-user";

export type { CurrentUser, CurrentSession };

/** Who is acting and from where: passed to every service function. */
export interface Actor {
  user: CurrentUser;
  meta: RequestMeta;
}

/**
 * The signed-in session and its user, read from the database once per request
 * (see session-user.ts), so that a logout, a deactivated user, a changed role
 * or changed unit membership takes effect at once.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const jar = await cookies();
  return resolveSession((name) => jar.get(name)?.value, jar.getAll().map((c) => c.name), new Date());
});

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => (await getCurrentSession())?.user ?? null);

export async function currentRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}
