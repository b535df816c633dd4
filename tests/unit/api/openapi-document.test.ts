import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "@/server/api/openapi";
import { API_OPERATIONS } from "@/server/api/operations";

// GET /api/v1/openapi.json is generated from the operations' zod schemas; a
// client generator needs it to be a valid OpenAPI 3.1 document that
// describes what every operation accepts and answers.

describe("the OpenAPI document", () => {
  const document = JSON.parse(JSON.stringify(openApiDocument()));

  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every operation with its answers, its refusals in the error shape, and its parameters", () => {
    for (const operation of API_OPERATIONS) {
      const described = document.paths[operation.path]?.[operation.method.toLowerCase()];
      expect(described, `${operation.method} ${operation.path}`).toBeDefined();
      for (const status of Object.keys(operation.responses)) expect(described.responses[status].content["application/json"].schema).toBeDefined();
      const unavailable = described.responses["503"].content["application/json"].schema;
      if (!(503 in operation.responses)) expect(unavailable).toEqual({ $ref: "#/components/schemas/ApiError" });
      const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const parameters: { in: string; name: string; description?: string }[] = described.parameters ?? [];
      expect(parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(inPath);
      for (const p of parameters.filter((p) => p.in === "query")) expect(p.description, `${operation.path}?${p.name}`).toBeTruthy();
    }
    expect(document.components.schemas.ApiError.required).toEqual(["error", "message"]);
  });

  it("describes the machine clients' bearer scheme and each operation's scope; admin operations take a session only", () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    const op = (path: string, method: string) => document.paths[path][method];
    expect(op("/api/v1/pathways/{id}/events", "post").security).toEqual([{ session: [] }, { bearer: ["events:write"] }]);
    expect(op("/api/v1/pathways/{id}/events", "post")["x-scope"]).toBe("events:write");
    expect(op("/api/v1/pathways", "get").security).toEqual([{ session: [] }, { bearer: ["pathways:read"] }]);
    expect(op("/api/v1/referrals", "post").security).toEqual([{ session: [] }, { bearer: ["referrals:write"] }]);
    expect(op("/api/v1/worklist/postpone", "post").security).toEqual([{ session: [] }]);
    expect(op("/api/v1/units/{unitId}/imports", "post").security).toEqual([{ session: [] }, { bearer: ["import:write"] }]);
    expect(op("/api/v1/imports/{id}", "get").security).toEqual([{ session: [] }, { bearer: ["import:write"] }]);
    for (const [path, method] of [["/api/v1/admin/clients", "get"], ["/api/v1/admin/clients", "post"], ["/api/v1/admin/clients/{id}/revoke", "post"]]) {
      expect(op(path, method).security, `${method} ${path}`).toEqual([{ session: [] }]);
      expect(op(path, method).responses["403"].description).toContain("machine clients never may");
    }
    expect(op("/api/v1/pathways/{id}/events", "post").responses["429"].description).toContain("Retry-After");
  });

  it("describes the import's body as the raw CSV file (not JSON), with its size limit and its answers", () => {
    const start = document.paths["/api/v1/units/{unitId}/imports"].post;
    expect(Object.keys(start.requestBody.content)).toEqual(["text/csv"]);
    expect(start.requestBody.content["text/csv"].schema).toMatchObject({ type: "string" });
    expect(start.responses["413"].description).toContain("1 MiB");
    expect(start.responses["400"].description).not.toContain("JSON");
    expect(Object.keys(start.responses)).toEqual(expect.arrayContaining(["200", "202", "403", "404", "409", "422"]));
    expect(start.parameters.find((p: { name: string }) => p.name === "dryRun")).toMatchObject({ in: "query", required: true });
    expect(start.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ImportReport" });
  });

  it("lists the pathway types of the rules engine", () => {
    const type = document.paths["/api/v1/pathways"].get.parameters.find((p: { name: string }) => p.name === "type");
    expect(type.schema.enum).toEqual(["D01", "D11", "D12", "D06", "D07", "D08", "D09"]);
    expect(document.components.schemas.PathwayEvaluation.properties.type.enum).toEqual(type.schema.enum);
  });
});
