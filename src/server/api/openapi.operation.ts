import { z } from "@/lib/zod";
import { defineOperation } from "./operation";

// GET /api/v1/openapi.json → openApiDocument (./openapi.ts)

const map = z.record(z.string(), z.unknown());

/** The document's outline; its contents are what the OpenAPI 3.1 specification defines. */
const openApiDocumentSchema = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
  paths: map.optional(),
  components: z.object({ schemas: map.optional(), securitySchemes: map.optional() }).optional(),
});

export const openApiOperation = defineOperation({
  id: "getOpenApiDocument",
  method: "GET",
  path: "/api/v1/openapi.json",
  permission: "public",
  summary: "This description of the API (OpenAPI 3.1)",
  responses: {
    200: { description: "The OpenAPI document", schema: openApiDocumentSchema },
  },
});
