import { z } from "@/lib/zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { deadlineSchema, evaluationSchema, noticeSchema } from "@/server/pathways/evaluation-schema";
import { registerResultSchema } from "@/server/events/register.operation";
import type { ErrorStatus, Operation } from "./operation";
import { API_OPERATIONS } from "./operations";
import { apiErrorSchema } from "./schemas";

// The OpenAPI 3.1 description of the API, generated from the operations'
// own zod schemas (the ones apiRoute validates with): it cannot drift from
// what the routes accept and answer.

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument() {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Forløpsvakt API",
      version: "1",
      description:
        "Pakkeforløp psykisk helse og rus: forløp, hendelser, frister og oppmerksomheter. " +
        "Authentication: the session cookie of a signed-in user, or a machine client's token (`Authorization: Bearer fvk_…`, " +
        "created by an administrator under /admin/klienter): a client reaches the operations that name one of its scopes " +
        "(x-scope; 403 otherwise), only within its units (404 outside them), within its call limit per minute (429 with Retry-After). Errors answer with the ApiError body: a stable English code and a Norwegian message.",
    },
    components: {
      // named once, referred to wherever they occur
      schemas: {
        ApiError: apiErrorSchema,
        PathwayEvaluation: evaluationSchema,
        Deadline: deadlineSchema,
        Notice: noticeSchema,
        RegisterResult: registerResultSchema,
      },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "__Secure-authjs.session-token", description: "Set by signing in (authjs.session-token over plain http in development)" },
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "A machine client's token, shown once when an administrator creates the client. Scopes: pathways:read, events:write, referrals:write, import:write; each operation lists the one it needs.",
        },
      },
    },
    paths: paths(API_OPERATIONS),
  }, {
    // zod marks a response object closed (it strips unknown keys); clients must
    // accept fields added later, and one rendering per schema keeps the
    // components single (no "DeadlineOutput" beside "Deadline")
    override: ({ jsonSchema, io }) => {
      if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  return cached;
}

function paths(operations: readonly Operation[]): ZodOpenApiPathsObject {
  const result: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const method = operation.method.toLowerCase() as Lowercase<Operation["method"]>;
    result[operation.path] = { ...result[operation.path], [method]: operationObject(operation) };
  }
  return result;
}

function operationObject(operation: Operation): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    if (response) responses[status] = { description: response.description, content: { "application/json": { schema: response.schema } } };
  }
  for (const [status, description] of Object.entries(errorStatuses(operation))) {
    // an answer the operation declares itself (health's 503) keeps its own body
    if (!responses[status]) responses[status] = { description, content: { "application/json": { schema: apiErrorSchema } } };
  }
  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    ...(operation.permission === "public"
      ? { security: [] }
      : {
          security: [{ session: [] }, ...(operation.scope ? [{ bearer: [operation.scope] }] : [])],
          "x-permission": operation.permission,
          ...(operation.scope ? { "x-scope": operation.scope } : {}),
        }),
    requestParams: {
      ...(operation.params ? { path: operation.params } : {}),
      ...(operation.query ? { query: operation.query } : {}),
    },
    ...(operation.body ? { requestBody: { required: true, content: { "application/json": { schema: operation.body } } } } : {}),
    ...(operation.rawBody
      ? { requestBody: { required: true, description: operation.rawBody.description, content: { [operation.rawBody.contentType]: { schema: z.string() } } } }
      : {}),
    responses,
  };
}

/** The refusals apiRoute itself gives this operation, then the operation's own. */
function errorStatuses(operation: Operation): Partial<Record<ErrorStatus, string>> {
  const errors: Partial<Record<ErrorStatus, string>> = {};
  errors[400] = operation.body
    ? "The body is not JSON (invalid_json), or a value carries a NUL or a lone surrogate (invalid_characters)"
    : "A query value carries a NUL or a lone surrogate (invalid_characters)";
  if (operation.permission !== "public") {
    errors[401] = "Not signed in (unauthenticated), or an unknown or revoked client token (invalid_token)";
    errors[403] =
      (operation.method === "GET" ? "The role may not do this" : "The role may not do this, or the request came from another site") +
      (operation.scope ? `, or the client lacks the scope ${operation.scope} (forbidden)` : "; machine clients never may (forbidden)");
    errors[429] = "A machine client's calls per minute are used up (rate_limited); try again after Retry-After seconds";
  }
  if (operation.params) errors[404] = "Not found, or outside the caller's units (not_found)";
  if (operation.body) errors[413] = "The body is over 64 KiB (body_too_large)";
  if (operation.rawBody) errors[413] = `The body is over ${operation.rawBody.maxBytes / 1024} KiB (body_too_large)`;
  if (operation.body || operation.query) errors[422] = "Invalid input, with Norwegian messages per field (validation_failed)";
  errors[500] = "Unexpected failure (internal_error)";
  errors[503] = "The database does not answer (database_unavailable); try again after Retry-After seconds";
  return { ...errors, ...operation.errors };
}
