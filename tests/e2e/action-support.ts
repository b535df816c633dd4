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

/** A POST as a logged-in user: status, Location and body text of the answer. */
export type Post = (path: string, headers: Record<string, string>, body: string | Buffer) => Promise<{ status: number; location?: string; text: string }>;

/**
 * Posts with Node's own fetch and the cookies `context` holds now: for the
 * specs that send a thousand calls, where each call through Playwright (a
 * protocol round trip and a reported step) costs more CPU than the server's
 * answer (CI is CPU-bound). Cookies the server sets later are not kept.
 */
export async function quickPost(context: { storageState(): Promise<{ cookies: { name: string; value: string }[] }> }): Promise<Post> {
  const baseURL = test.info().project.use.baseURL!;
  const cookie = (await context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return async (path, headers, body) => {
    const response = await fetch(new URL(path, baseURL), { method: "POST", headers: { ...headers, cookie }, body: typeof body === "string" ? body : new Uint8Array(body), redirect: "manual" });
    return { status: response.status, location: response.headers.get("location") ?? undefined, text: await response.text() };
  };
}

const playwrightPost = (request: APIRequestContext): Post => async (path, headers, body) => {
  const response = await request.post(path, { headers, data: body, maxRedirects: 0, failOnStatusCode: false });
  return { status: response.status(), location: response.headers().location, text: await response.text() };
};

/** Posts `body` (the JSON of the argument list, or raw text) to the action. */
export async function callActionRaw(via: APIRequestContext | Post, id: string, page: string, body: string | Buffer): Promise<ActionCallResult> {
  const baseURL = test.info().project.use.baseURL!;
  const post = typeof via === "function" ? via : playwrightPost(via);
  const headers = { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: new URL(baseURL).origin };
  const { status, location, text } = await post(page, headers, body);
  // the RSC answer: line "1:" is the action's return value
  const line = text.split("\n").find((l) => l.startsWith("1:{"));
  return { status, location, value: line ? JSON.parse(line.slice(2)) : undefined, text };
}

export function callAction(via: APIRequestContext | Post, id: string, page: string, args: unknown[]): Promise<ActionCallResult> {
  return callActionRaw(via, id, page, JSON.stringify(args));
}
