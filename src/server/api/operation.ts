import type { z } from "@/lib/zod";
import type { Action, Scope } from "@/domain/permissions";

// One API operation declared once: what apiRoute validates before the handler
// runs, what the handler may answer (checked by the compiler), and what
// /api/v1/openapi.json describes. Each lives in a small `*.operation.ts` next
// to the service it calls and is listed in ./operations.ts.
// No "server-only" here: the OpenAPI document and its tests read these.

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One answer of an operation: what the body is, and its meaning for a client. */
export interface ResponseSpec {
  description: string;
  schema: z.ZodType;
}

/**
 * A body that is not JSON (the EPJ import's CSV file): apiRoute reads its raw
 * bytes, at most `maxBytes` (413 with `tooLarge` otherwise), and hands them to
 * the handler as `raw`; what they mean is the handler's to decide.
 */
export interface RawBody {
  contentType: string;
  description: string;
  maxBytes: number;
  /** the Norwegian message of the 413 (code body_too_large) */
  tooLarge: string;
}

/** Statuses apiRoute itself answers with the error shape, described per operation in the document. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

export interface Operation<
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends Partial<Record<number, ResponseSpec>> = Partial<Record<number, ResponseSpec>>,
> {
  /** operationId in the document: unique, camelCase */
  id: string;
  method: Method;
  /** the OpenAPI path, `{id}` for the route folder `[id]` */
  path: `/api/${string}`;
  /** checked before anything is read; "public" for the few routes anyone may call */
  permission: Action | "public";
  /**
   * The scope a machine client (bearer token) needs for it, within its units;
   * none: clients are refused (403), as on every administration operation
   */
  scope?: Scope;
  summary: string;
  description?: string;
  /** path parameters; a value that fails them is 404 (it cannot name a record) */
  params?: P;
  /** query parameters (one value each: the last one counts); failing them is 422 */
  query?: Q;
  /** the JSON body; not JSON is 400, failing it 422 with field messages */
  body?: B;
  /** instead of a JSON body: raw bytes of this content type (not both) */
  rawBody?: RawBody;
  /** what the handler may answer, by status */
  responses: R;
  /** refusals of the handler's own (409, a 422 of the service …): status → meaning */
  errors?: Partial<Record<ErrorStatus, string>>;
}

/** Declares an operation, keeping its schema types for apiRoute. */
export function defineOperation<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends Partial<Record<number, ResponseSpec>> = Partial<Record<number, ResponseSpec>>,
>(operation: Operation<P, Q, B, R>): Operation<P, Q, B, R> {
  return operation;
}

type Parsed<S> = [S] extends [z.ZodType] ? z.output<S> : undefined;
type Schemas<O> = O extends Operation<infer P, infer Q, infer B, infer R> ? { params: P; query: Q; body: B; responses: R } : never;

/** The values apiRoute hands a handler, parsed by the operation's schemas. */
export interface OperationInput<O extends Operation> {
  params: Parsed<Schemas<O>["params"]>;
  query: Parsed<Schemas<O>["query"]>;
  body: Parsed<Schemas<O>["body"]>;
  /** the raw body's bytes when the operation declares `rawBody` (empty otherwise) */
  raw: Uint8Array;
  request: Request;
}

/** What a handler returns: one of the operation's declared statuses with a body of its schema. */
export type Reply<O extends Operation> = {
  [S in keyof Schemas<O>["responses"] & number]: {
    status: S;
    body: Schemas<O>["responses"][S] extends ResponseSpec ? z.input<Schemas<O>["responses"][S]["schema"]> : never;
    headers?: Record<string, string>;
  };
}[keyof Schemas<O>["responses"] & number];
