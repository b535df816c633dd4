// Errors a user can act on. `message` is Norwegian for people; `code` is a
// stable English identifier for API clients. Route handlers and server actions
// turn these into 4xx responses or form state; anything else is a 500.

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
    public readonly code: string,
    message: string,
    public readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Fant ikke det du lette etter, eller det hører til en enhet du ikke har tilgang til.") {
    super(404, "not_found", message);
  }
}

export class ValidationError extends AppError {
  constructor(fieldErrors: FieldErrors, message = "Noen felt er ikke fylt ut riktig.") {
    super(422, "validation_failed", message, fieldErrors);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

/** zod issues → field messages (the schemas carry Norwegian messages). */
export function fieldErrorsFrom(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
