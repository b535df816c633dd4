import "server-only";
import { ZodError } from "zod";
import { PermissionDenied } from "@/server/auth/assert";
import { AppError, fieldErrorsFrom, type FieldErrors } from "@/server/errors";
import { isDatabaseUnavailable } from "@/server/db-errors";
import { SESSION_EXPIRED, SESSION_EXPIRED_MESSAGE } from "@/lib/session-expired";

// What a server action returns when it fails: a Norwegian message and field
// messages for the form. Unknown errors are rethrown (Next shows error.tsx).
export interface ActionFailure {
  ok: false;
  code: string;
  message: string;
  fieldErrors: FieldErrors;
}

export function toActionFailure(error: unknown): ActionFailure {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  // no live session (logged out elsewhere, idle too long, cookie gone): the form keeps its values and offers a login
  if (error instanceof PermissionDenied && error.status === 401) return { ok: false, code: SESSION_EXPIRED, message: SESSION_EXPIRED_MESSAGE, fieldErrors: {} };
  if (error instanceof PermissionDenied) return { ok: false, code: "forbidden", message: error.message, fieldErrors: {} };
  if (error instanceof ZodError) {
    return { ok: false, code: "validation_failed", message: "Noen felt er ikke fylt ut riktig.", fieldErrors: fieldErrorsFrom(error.issues) };
  }
  if (isDatabaseUnavailable(error)) {
    return { ok: false, code: "database_unavailable", message: "Databasen svarer ikke. Ingenting ble lagret. Prøv igjen om litt.", fieldErrors: {} };
  }
  throw error;
}
