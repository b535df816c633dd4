import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { requireActor, PermissionDenied } from "@/server/auth/guard";
import type { Action } from "@/domain/permissions";
import type { Actor } from "@/server/auth/current-user";
import { AppError, fieldErrorsFrom, NotFoundError } from "@/server/errors";
import { isDatabaseUnavailable } from "@/server/db-errors";
import { BodyTooLarge, readLimited } from "@/lib/read-limited";
import { containsUnsafeText, isSafeText } from "@/lib/safe-text";
import type { Operation, OperationInput, Reply } from "./operation";
import { bearerToken } from "@/server/clients/authenticate";
import { admitClientCall, auditClientCall, InvalidClientToken, requireClient } from "@/server/clients/api-access";
import { ClientRateLimited } from "@/server/clients/rate-limit";

// Wraps every API route handler: authentication (the session cookie, or a
// machine client's bearer token: src/server/clients/api-access.ts) and the
// permission check, then the operation's params, query and body parsed by its schemas (the
// handler gets typed values, never raw input), then one mapping of errors to
// JSON (English codes, Norwegian messages).

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** A signed-in actor, or null for a public operation. */
type ActorOf<O extends Operation> = O["permission"] extends "public" ? null : Actor;

export type ApiHandler<O extends Operation> = (actor: ActorOf<O>, input: OperationInput<O>) => Promise<Reply<O>>;

/** A route handler for Next, carrying its operation (tests match routes to operations through it). */
export type ApiRoute<O extends Operation> = ((request: Request, context: RouteContext) => Promise<Response>) & { operation: O };

export function apiRoute<O extends Operation>(operation: O, handler: NoInfer<ApiHandler<O>>): ApiRoute<O> {
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    let client: Actor | null = null;
    let response: Response;
    try {
      refuseCrossSiteWrite(request);
      const token = operation.permission === "public" ? undefined : bearerToken(request);
      if (token !== undefined) {
        client = await requireClient(token, request);
        await admitClientCall(client, operation);
      }
      const actor = operation.permission === "public" ? null : (client ?? (await requireActor(operation.permission)));
      const input = await parseInput(operation, request, context);
      // null only when the operation is public: ActorOf<O> says so, the compiler cannot follow
      const reply = await handler(actor as ActorOf<O>, input);
      response = NextResponse.json(reply.body, { status: reply.status, headers: reply.headers });
    } catch (error) {
      response = errorResponse(error);
    }
    if (!client) return response;
    try {
      await auditClientCall(client, operation, request, response.status);
      return response;
    } catch (error) {
      // a call that cannot be audited is not answered
      return errorResponse(error);
    }
  };
  return Object.assign(route, { operation });
}

/**
 * For a route that answers a file rather than JSON (the CSV exports of the
 * worklist and reports): the same guard and error mapping as apiRoute, the
 * query read by the handler. JSON API routes use apiRoute with an operation.
 */
export function downloadRoute(action: Action, handler: (actor: Actor, request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      refuseCrossSiteWrite(request);
      const actor = await requireActor(action);
      refuseUnsafeQuery(new URL(request.url).searchParams);
      return await handler(actor, request);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A NUL or a lone surrogate in the query cannot be a filter value: refused before any parsing. */
function refuseUnsafeQuery(searchParams: URLSearchParams) {
  for (const value of searchParams.values()) if (!isSafeText(value)) throw invalidCharacters();
}

async function parseInput<O extends Operation>(operation: O, request: Request, context: RouteContext): Promise<OperationInput<O>> {
  const searchParams = new URL(request.url).searchParams;
  refuseUnsafeQuery(searchParams);
  // a value that cannot be a record id is simply not found
  const params = operation.params ? operation.params.safeParse(await context.params) : undefined;
  if (params && !params.success) throw new NotFoundError();
  const query = operation.query?.parse(Object.fromEntries(searchParams));
  const body = operation.body?.parse(await readJson(request));
  const raw = operation.rawBody ? await readRaw(request, operation.rawBody.maxBytes, operation.rawBody.tooLarge) : new Uint8Array();
  // the schemas' outputs are the operation's declared input types
  return { params: params?.data, query, body, raw, request } as OperationInput<O>;
}

/**
 * CSRF: the session cookie is SameSite=Lax already; on top of that a write
 * whose Origin is another site is refused, whatever its content type.
 */
function refuseCrossSiteWrite(request: Request) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or garbage: not our site
  }
  if (originHost !== host) throw new PermissionDenied(403);
}

export function errorResponse(error: unknown): Response {
  if (error instanceof InvalidClientToken) {
    return json(401, "invalid_token", error.message, undefined, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
  }
  if (error instanceof PermissionDenied) {
    return json(error.status, error.status === 401 ? "unauthenticated" : "forbidden", error.message);
  }
  if (error instanceof ClientRateLimited) return json(429, error.code, error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  if (error instanceof AppError) return json(error.status, error.code, error.message, error.fieldErrors);
  if (error instanceof ZodError) {
    return json(422, "validation_failed", "Noen felt er ikke fylt ut riktig.", fieldErrorsFrom(error.issues));
  }
  if (isDatabaseUnavailable(error)) {
    return json(503, "database_unavailable", "Databasen svarer ikke. Prøv igjen om litt.");
  }
  // Log the type only: messages can carry patient data.
  console.error("Unhandled API error:", error instanceof Error ? error.name : typeof error);
  return json(500, "internal_error", "Noe gikk galt hos oss. Prøv igjen, og kontakt support hvis feilen vedvarer.");
}

function json(status: number, error: string, message: string, fieldErrors?: Record<string, string[]>, headers?: Record<string, string>) {
  return NextResponse.json(
    { error, message, ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}) },
    { status, headers: status === 503 ? { "Retry-After": "5" } : headers },
  );
}

/**
 * Reads a JSON body; a body that is not JSON (400), too large (413), or
 * carrying a NUL character or a lone surrogate (400: PostgreSQL cannot store
 * them) is refused. A large body is refused from its Content-Length, and
 * reading stops at `maxBytes` when it has none (chunked). A body declared over
 * 1 MiB never reaches Next (scripts/lib/body-limit.mjs in `npm run serve`).
 */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const bytes = await readRaw(request, maxBytes);
  const text = new TextDecoder().decode(bytes);
  if (text.includes("\0") || /\\u0000/i.test(text)) throw invalidCharacters();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "Forespørselen er ikke gyldig JSON.");
  }
  if (containsUnsafeText(value)) throw invalidCharacters();
  return value;
}

/** A body's bytes up to `maxBytes`; 413 (body_too_large, `tooLarge`) for a larger one. */
async function readRaw(request: Request, maxBytes: number, tooLarge = "Forespørselen er for stor."): Promise<Uint8Array> {
  return readLimited(request, maxBytes).catch((error) => {
    throw error instanceof BodyTooLarge ? new AppError(413, "body_too_large", tooLarge) : error;
  });
}

const invalidCharacters = () => new AppError(400, "invalid_characters", "Forespørselen inneholder ugyldige tegn.");
