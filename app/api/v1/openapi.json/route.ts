import { apiRoute } from "@/server/api/handler";
import { openApiDocument } from "@/server/api/openapi";
import { openApiOperation } from "@/server/api/openapi.operation";

export const GET = apiRoute(openApiOperation, async () => ({ status: 200, body: openApiDocument() }));
