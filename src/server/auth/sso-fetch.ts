import "server-only";
import { fetchWithDpop } from "./dpop";
import { authenticateClient } from "./sso-client-auth";
import type { SsoSettings } from "./sso-settings";

// The fetch Auth.js uses for the provider (its `customFetch`) when the
// provider wants more than a client secret: Auth.js makes the token and
// userinfo requests and checks their answers (ID token, nonce, PKCE), and this
// adds what it cannot do itself. The token request gets the client assertion
// (private_key_jwt: Auth.js is told the client authenticates with "none" and
// sends only client_id) and a DPoP proof; the userinfo request carries the
// DPoP-bound access token with a proof. Discovery and the provider's keys go
// through unchanged.

const bearerToken = (headers: Headers) => /^Bearer (.+)$/.exec(headers.get("authorization") ?? "")?.[1];

export function ssoFetch(settings: SsoSettings): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const body = init?.body;
    if (init?.method === "POST" && body instanceof URLSearchParams && body.has("grant_type")) {
      const prepare = async () => {
        const form = new URLSearchParams(body);
        const requestHeaders = new Headers(headers);
        if (settings.clientAuth.method === "private_key_jwt") await authenticateClient(settings, form, requestHeaders);
        return { ...init, body: form, headers: requestHeaders };
      };
      return settings.dpop ? fetchWithDpop(url, prepare) : fetch(url, await prepare());
    }
    const accessToken = bearerToken(headers);
    if (settings.dpop && accessToken) return fetchWithDpop(url, async () => ({ ...init, headers: new Headers(headers) }), accessToken);
    return fetch(input, init);
  };
}
