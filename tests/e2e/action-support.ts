import { readFileSync } from "node:fs";
import { test, type APIRequestContext } from "@playwright/test";

// Calling server actions over HTTP as the browser does (POST to their page
// with a Next-Action header), by the ids of the production build. Shared by
// the action matrix, the hostile-argument test and the fuzz test.

/** "file#export" → action id, from the production build (.next/server/server-reference-manifest.json). */
export function builtActions(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, id]));
}

export type ActionCallResult = { status: number; location?: string; value?: { ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string[]> }; text: string };

/** Posts `body` (the JSON of the argument list, or raw text) to the action. */
export async function callActionRaw(request: APIRequestContext, id: string, page: string, body: string | Buffer): Promise<ActionCallResult> {
  const baseURL = test.info().project.use.baseURL!;
  const response = await request.post(page, {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: new URL(baseURL).origin },
    data: body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const text = await response.text();
  // the RSC answer: line "1:" is the action's return value
  const line = text.split("\n").find((l) => l.startsWith("1:{"));
  return { status: response.status(), location: response.headers().location, value: line ? JSON.parse(line.slice(2)) : undefined, text };
}

export function callAction(request: APIRequestContext, id: string, page: string, args: unknown[]): Promise<ActionCallResult> {
  return callActionRaw(request, id, page, JSON.stringify(args));
}
