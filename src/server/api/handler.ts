import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import type { Action } from "@/domain/permissions";
import { requireActor, PermissionDenied } from "@/server/auth/guard";
import type { Actor } from "@/server/auth/current-user";
import { AppError, fieldErrorsFrom, NotFoundError } from "@/server/errors";
import { isDatabaseUnavailable } from "@/server/db-errors";
import { isRecordId } from "@/lib/record-id";
import { BodyTooLarge, readLimited } from "@/lib/read-limited";
import { containsUnsafeText, isSafeText } from "@/lib/safe-text";

// Wraps every API v1 route handler: authentication, the permission check,
// and one mapping of errors to JSON (English codes, Norwegian messages).

type RouteContext<P> = { params: Promise<P> };

export function apiRoute<P = Record<string, never>>(
  action: Action,
  handler: (actor: Actor, request: Request, params: P) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      refuseCrossSiteWrite(request);
      const actor = await requireActor(action);
      // a NUL or a lone surrogate in the query cannot be a filter value: refused before any parsing
      for (const value of new URL(request.url).searchParams.values()) if (!isSafeText(value)) throw invalidCharacters();
      const params = await context.params;
      // a value that cannot be a record id is simply not found
      for (const value of Object.values(params ?? {})) {
        if (typeof value === "string" && !isRecordId(value)) throw new NotFoundError();
      }
      return await handler(actor, request, params);
    } catch (error) {
      return errorResponse(error);
    }
  };
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
  if (error instanceof PermissionDenied) {
    return json(error.status, error.status === 401 ? "unauthenticated" : "forbidden", error.message);
  }
  if (error instanceof AppError) return json(error.status, error.code, error.message, error.fieldErrors);
  if (error instanceof ZodError) {
    return json(422, "validation_failed", "Noen felt er ikke fylt ut riktig.", fieldErrorsFrom(error.issues));
  }
  if (error instanceof SyntaxError) return json(400, "invalid_json", "Forespørselen er ikke gyldig JSON.");
  if (isDatabaseUnavailable(error)) {
    return json(503, "database_unavailable", "Databasen svarer ikke. Prøv igjen om litt.");
  }
  // Log the type only: messages can carry patient data.
  console.error("Unhandled API error:", error instanceof Error ? error.name : typeof error);
  return json(500, "internal_error", "Noe gikk galt hos oss. Prøv igjen, og kontakt support hvis feilen vedvarer.");
}

function json(status: number, error: string, message: string, fieldErrors?: Record<string, string[]>) {
  return NextResponse.json(
    { error, message, ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}) },
    { status, headers: status === 503 ? { "Retry-After": "5" } : undefined },
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
  const bytes = await readLimited(request, maxBytes).catch((error) => {
    throw error instanceof BodyTooLarge ? new AppError(413, "body_too_large", "Forespørselen er for stor.") : error;
  });
  const text = new TextDecoder().decode(bytes);
  if (text.includes("\0") || /\\u0000/i.test(text)) throw invalidCharacters();
  const value: unknown = JSON.parse(text);
  if (containsUnsafeText(value)) throw invalidCharacters();
  return value;
}

const invalidCharacters = () => new AppError(400, "invalid_characters", "Forespørselen inneholder ugyldige tegn.");
