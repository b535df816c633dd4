import { z } from "@/lib/zod";
import { registerEventSchema } from "@/server/events/schema";
import { annulSchema } from "@/server/events/annul-schema";
import { REASON_FILTERS } from "@/server/worklist/filters";
import { explainSchema, postponeSchema } from "@/server/worklist/schemas";
import { referralPaths } from "@/server/referrals/openapi-paths";

// OpenAPI 3.1 description of API v1. Request bodies come from the same zod
// schemas the handlers use, so the description cannot drift from the code.

const errorBody = {
  type: "object",
  required: ["error", "message"],
  properties: {
    error: { type: "string", description: "Stable English error code" },
    message: { type: "string", description: "Norwegian message for people" },
    fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
  },
};

const errors = {
  "401": { description: "Not logged in", content: { "application/json": { schema: errorBody } } },
  "403": { description: "The role may not do this", content: { "application/json": { schema: errorBody } } },
  "404": { description: "Not found, or outside the caller's units", content: { "application/json": { schema: errorBody } } },
  "503": { description: "Database unavailable", content: { "application/json": { schema: errorBody } } },
};

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Forløpsvakt API", version: "1", description: "Pakkeforløp: forløp, hendelser, frister og oppmerksomheter. Session cookie authentication." },
    paths: {
      ...referralPaths(errorBody, errors, idParam),
      "/api/v1/pathways": {
        get: {
          summary: "List pathways of the caller's units",
          parameters: [
            { name: "status", in: "query", schema: { enum: ["OPEN", "CLOSED"] } },
            { name: "type", in: "query", schema: { enum: ["D01", "D11", "D12", "D06", "D07", "D08", "D09"] } },
            { name: "clinician", in: "query", schema: { type: "string" } },
            { name: "cursor", in: "query", schema: { type: "string" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          ],
          responses: { "200": { description: "A page of pathways and the cursor of the next page" }, "422": { description: "Invalid query", content: { "application/json": { schema: errorBody } } }, ...errors },
        },
      },
      "/api/v1/pathways/{id}": {
        get: {
          summary: "One pathway with events, deadlines and notices",
          parameters: [idParam],
          responses: { "200": { description: "The pathway and its evaluation" }, ...errors },
        },
      },
      "/api/v1/pathways/{id}/events": {
        post: {
          summary: "Register a coded event",
          parameters: [idParam],
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(registerEventSchema, { io: "input" }) } } },
          responses: {
            "201": { description: "Stored: the event, the new evaluation and warnings (notices)" },
            "200": { description: "A repeat of a stored submission (same idempotency key, or same event within a minute)" },
            "409": { description: "The pathway is closed (pathway_closed), or others kept changing it at the same moment (pathway_busy: send again)", content: { "application/json": { schema: errorBody } } },
            "422": { description: "Invalid input, with field messages", content: { "application/json": { schema: errorBody } } },
            ...errors,
          },
        },
      },
      "/api/v1/worklist": {
        get: {
          summary: "The coordinator's worklist: actions needed, most urgent first (keyset pages)",
          parameters: [
            { name: "enhet", in: "query", schema: { type: "string" }, description: "unit id" },
            { name: "type", in: "query", schema: { enum: ["D01", "D11", "D12", "D06", "D07", "D08", "D09"] } },
            { name: "setting", in: "query", schema: { enum: ["POLIKLINIKK", "DOGN"] } },
            { name: "behandler", in: "query", schema: { type: "string" }, description: "clinician id, or 'ingen'" },
            { name: "grunn", in: "query", schema: { enum: Object.keys(REASON_FILTERS) } },
            { name: "horisont", in: "query", schema: { type: "integer", minimum: 0, maximum: 365, default: 14 } },
            { name: "sortering", in: "query", schema: { enum: ["grunn", "frist"], default: "grunn" } },
            { name: "etter", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
          ],
          responses: { "200": { description: "rows and nextCursor" }, "422": { description: "Invalid query", content: { "application/json": { schema: errorBody } } }, ...errors },
        },
      },
      "/api/v1/pathways/{id}/assign": {
        post: {
          summary: "Assign or change the responsible clinician (null or empty: none)",
          parameters: [idParam],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["clinicianId"], properties: { clinicianId: { type: ["string", "null"] } } } } } },
          responses: { "200": { description: "Assigned" }, "422": { description: "Invalid input", content: { "application/json": { schema: errorBody } } }, ...errors },
        },
      },
      "/api/v1/worklist/explain": {
        post: {
          summary: "Explain a notice: it leaves the worklist and stays in reports",
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(explainSchema, { io: "input" }) } } },
          responses: { "200": { description: "Explained" }, "409": { description: "Already explained", content: { "application/json": { schema: errorBody } } }, "422": { description: "Invalid input", content: { "application/json": { schema: errorBody } } }, ...errors },
        },
      },
      "/api/v1/worklist/postpone": {
        post: {
          summary: "Put a worklist row aside until a date, with a reason",
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(postponeSchema, { io: "input" }) } } },
          responses: { "200": { description: "Postponed" }, "422": { description: "Invalid input", content: { "application/json": { schema: errorBody } } }, ...errors },
        },
      },
      "/api/v1/events/{id}/annul": {
        post: {
          summary: "Annul an event, optionally registering its replacement in the same step",
          parameters: [idParam],
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(annulSchema, { io: "input" }) } } },
          responses: {
            "200": { description: "Annulled" },
            "409": { description: "Already annulled", content: { "application/json": { schema: errorBody } } },
            "422": { description: "Invalid input", content: { "application/json": { schema: errorBody } } },
            ...errors,
          },
        },
      },
    },
  };
}
