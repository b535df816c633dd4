import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { loginUrlFor } from "@/lib/callback-url";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { can, type Action } from "@/domain/permissions";
import { currentRequestMeta, getCurrentUser, type Actor } from "./current-user";
import { assertCan, PermissionDenied } from "./assert";

export { PermissionDenied };

// The one check helper. Pages call requirePage; route handlers (apiRoute) and
// server actions (actionClient) call requireActor. All consult the permission
// table through `can`.


/**
 * For pages: redirects to login when not logged in (and back to this page
 * afterwards: proxy.ts passes its address on), renders 403 when not allowed.
 */
export async function requirePage(action?: Action): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrlFor((await headers()).get(REQUEST_PATH_HEADER) ?? "/"));
  if (action && !can(user.role, action)) forbidden();
  return { user, meta: await currentRequestMeta() };
}

/** For server actions and route handlers: throws PermissionDenied (401/403). */
export async function requireActor(action?: Action): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) throw new PermissionDenied(401);
  if (action) assertCan(user, action);
  return { user, meta: await currentRequestMeta() };
}
