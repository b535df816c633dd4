import "server-only";
import { authenticateClient } from "./sso-client-auth";
import type { SsoSettings } from "./sso-settings";

// Pushed authorization requests (PAR, RFC 9126), which HelseID requires: the
// authorization request Auth.js built (state, PKCE, nonce, scopes, redirect
// URI) is not sent through the browser but posted by the server, with the
// client's credentials, to the provider's PAR endpoint; the browser goes to
// the authorization endpoint with only client_id and the request_uri it
// answered. So nobody can change the request on the way, and the provider
// knows the client asked for it.

type Metadata = { authorization_endpoint: string; pushed_authorization_request_endpoint: string };
const metadata = new Map<string, { at: number; value: Promise<Metadata> }>();
const METADATA_MAX_AGE_MS = 60 * 60 * 1000;

async function discover(issuer: string): Promise<Metadata> {
  const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const json = (await response.json()) as Partial<Metadata>;
  if (!json.authorization_endpoint || !json.pushed_authorization_request_endpoint) throw new Error("the provider has no PAR endpoint (pushed_authorization_request_endpoint)");
  return { authorization_endpoint: json.authorization_endpoint, pushed_authorization_request_endpoint: json.pushed_authorization_request_endpoint };
}

function providerMetadata(issuer: string, now: number): Promise<Metadata> {
  const hit = metadata.get(issuer);
  if (hit && now - hit.at < METADATA_MAX_AGE_MS) return hit.value;
  const value = discover(issuer);
  value.catch(() => metadata.delete(issuer));
  metadata.set(issuer, { at: now, value });
  return value;
}

/**
 * The address to send the browser to instead of `authorizationUrl` (Auth.js's),
 * after pushing its parameters; any other address (Auth.js's error page) unchanged.
 */
export async function pushAuthorizationRequest(settings: SsoSettings, authorizationUrl: string): Promise<string> {
  const { authorization_endpoint, pushed_authorization_request_endpoint } = await providerMetadata(settings.issuer, Date.now());
  if (!authorizationUrl.startsWith(`${authorization_endpoint}?`)) return authorizationUrl;
  const form = new URLSearchParams(new URL(authorizationUrl).searchParams);
  const headers = new Headers({ accept: "application/json", "content-type": "application/x-www-form-urlencoded" });
  await authenticateClient(settings, form, headers);
  const response = await fetch(pushed_authorization_request_endpoint, { method: "POST", body: form, headers, redirect: "manual" });
  const json = (await response.json().catch(() => ({}))) as { request_uri?: unknown; error?: unknown };
  if (response.status !== 201 || typeof json.request_uri !== "string") throw new Error(`PAR answered ${response.status} ${typeof json.error === "string" ? json.error : ""}`.trim());
  const target = new URL(authorization_endpoint);
  target.searchParams.set("client_id", settings.clientId);
  target.searchParams.set("request_uri", json.request_uri);
  return target.toString();
}
