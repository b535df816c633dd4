import "server-only";
import { PermissionDenied, assertCan } from "@/server/auth/assert";
import type { Actor } from "@/server/auth/current-user";
import { writeAudit } from "@/server/audit";
import type { Operation } from "@/server/api/operation";
import { now } from "@/server/clock";
import { requestMetaFrom } from "@/server/request-meta";
import { pooled } from "@/server/sql";
import { clientActor } from "./authenticate";
import { countClientCall } from "./rate-limit";

// A machine client's way through apiRoute: its token (401 unknown or
// revoked), then its rate limit (429), then the operation's scope (403: no
// scope, or one the client lacks; administration never has one). Its units
// then scope every query as a user's do (404 outside them). Every call of a
// known client leaves a CLIENT_API_CALL audit row with its answer's status.

export class InvalidClientToken extends PermissionDenied {
  constructor() {
    super(401, "Ukjent eller tilbakekalt klientnøkkel.");
  }
}

/** The acting client of a live bearer token; 401 (InvalidClientToken) for any other. */
export async function requireClient(token: string, request: Request): Promise<Actor> {
  const actor = await clientActor(token, requestMetaFrom(request.headers), now());
  if (!actor?.user.client) throw new InvalidClientToken();
  return actor;
}

/** Counts the call and checks the scope; throws 429 or 403. */
export async function admitClientCall(actor: Actor, operation: Operation): Promise<void> {
  const client = actor.user.client!;
  await countClientCall(client.id);
  if (!operation.scope || !client.scopes.includes(operation.scope)) {
    throw new PermissionDenied(403, operation.scope ? `Klienten mangler tilgangen ${operation.scope}.` : "Maskinklienter har ikke tilgang til dette.");
  }
  if (operation.permission !== "public") assertCan(actor.user, operation.permission);
}

/** The call's audit row: which operation and how it was answered. */
export async function auditClientCall(actor: Actor, operation: Operation, request: Request, status: number): Promise<void> {
  await writeAudit(
    pooled(),
    { userId: null, action: "CLIENT_API_CALL", detail: { operation: operation.id, method: operation.method, path: new URL(request.url).pathname, status } },
    actor.meta,
  );
}
