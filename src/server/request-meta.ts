import { CLIENT_IP_FROM_SERVER_ENV, CLIENT_IP_HEADER, normalizeAddress } from "@/lib/client-address.mjs";
import { env } from "@/server/env";

// Where a request came from, for audit rows and the login limits. The address
// is the one scripts/serve.mjs computed from the socket (and X-Forwarded-For
// through TRUST_PROXY_HOPS proxies only); headers a client can write
// (X-Forwarded-For, X-Real-IP) are never read here. Under another server
// (`next dev`, `next start`) the address is unknown: null.
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /**
   * Set when a machine client made the request (bearer token): every audit
   * row of the request then names the client, and no user.
   */
  clientId?: string;
}

export function requestMetaFrom(headers: Headers): RequestMeta {
  const fromOurServer = env(CLIENT_IP_FROM_SERVER_ENV);
  return {
    ip: fromOurServer ? normalizeAddress(headers.get(CLIENT_IP_HEADER)) : null,
    userAgent: headers.get("user-agent")?.slice(0, 400) ?? null,
  };
}
