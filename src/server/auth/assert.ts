import { can, scopesAllow, type Action } from "@/domain/permissions";
import type { CurrentUser } from "./current-user";

// Service functions check permissions through this (no Next.js imports, so the
// services run the same in route handlers, server actions, scripts and tests).

export class PermissionDenied extends Error {
  constructor(public readonly status: 401 | 403, message?: string) {
    super(message ?? (status === 401 ? "Ikke innlogget." : "Du har ikke tilgang til dette."));
  }
}

/** A person by their role; a machine client by its scopes. */
export function assertCan(user: CurrentUser, action: Action): void {
  const allowed = user.client ? scopesAllow(user.client.scopes, action) : can(user.role, action);
  if (!allowed) throw new PermissionDenied(403);
}
