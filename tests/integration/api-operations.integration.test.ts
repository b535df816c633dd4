import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_OPERATIONS } from "@/server/api/operations";
import type { Operation } from "@/server/api/operation";

// Every route handler under app/api answers through apiRoute with an operation
// schema listed in API_OPERATIONS (what the OpenAPI document describes), at
// the path and method it is served on. Auth.js's own handlers are the only
// exception. Imports the route modules, so no database is needed.

const APP_API = path.resolve(import.meta.dirname, "../../app/api");
const NOT_OURS = ["auth"]; // app/api/auth/[...nextauth]: Auth.js's sign-in endpoints
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return dir === APP_API && NOT_OURS.includes(entry.name) ? [] : routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** app/api/v1/pathways/[id]/events/route.ts → /api/v1/pathways/{id}/events */
function servedPath(file: string): string {
  const dir = path.relative(path.resolve(APP_API, ".."), path.dirname(file)).split(path.sep);
  return "/" + dir.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
}

const routes = routeFiles(APP_API);

describe("API routes and their operation schemas", () => {
  it("finds the routes (the walk itself works)", () => {
    expect(routes.map(servedPath)).toContain("/api/v1/pathways/{id}/events");
    // one route file per path (GET and POST of a path share one)
    expect(routes.length).toBeGreaterThanOrEqual(new Set(API_OPERATIONS.map((o) => o.path)).size - 1);
  });

  it.each(routes.map((file) => [servedPath(file), file]))("%s answers through its declared operation", async (served, file) => {
    const module: Record<string, unknown> = await import(file);
    const handlers = Object.entries(module).filter(([name]) => METHODS.includes(name));
    expect(handlers.length, `${served}: no HTTP method exported`).toBeGreaterThan(0);
    for (const [method, handler] of handlers) {
      const operation = (handler as { operation?: Operation }).operation;
      expect(operation, `${method} ${served} is not built with apiRoute(operation, …)`).toBeDefined();
      expect(API_OPERATIONS, `${method} ${served}: its operation is not listed in src/server/api/operations.ts`).toContain(operation);
      expect([operation!.method, operation!.path]).toEqual([method, served]);
      const placeholders = [...served.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(operation!.params?.shape ?? {}).sort(), `${served}: path parameters without a schema`).toEqual(placeholders);
    }
  });

  it("serves every listed operation, under a unique id", async () => {
    const served = new Set<Operation>();
    for (const file of routes) {
      for (const handler of Object.values(await import(file))) {
        const operation = (handler as { operation?: Operation }).operation;
        if (operation) served.add(operation);
      }
    }
    for (const operation of API_OPERATIONS) expect(served.has(operation), `${operation.method} ${operation.path} has no route`).toBe(true);
    expect(new Set(API_OPERATIONS.map((o) => o.id)).size).toBe(API_OPERATIONS.length);
  });

  it("declares a JSON schema for every answer", () => {
    for (const operation of API_OPERATIONS) {
      const statuses = Object.keys(operation.responses);
      expect(statuses.length, operation.id).toBeGreaterThan(0);
      for (const response of Object.values(operation.responses)) expect(response?.schema).toBeInstanceOf(z.ZodType);
    }
  });
});
