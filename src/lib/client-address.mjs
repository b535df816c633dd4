// Which address a request came from. Plain ESM JavaScript because two kinds of
// code need it: scripts/serve.mjs (run by node as is), which knows the socket
// and computes the address once per request, and the app (TypeScript), which
// reads what serve.mjs put in CLIENT_IP_HEADER. X-Forwarded-For is believed
// only through TRUST_PROXY_HOPS proxies of our own: a client can write any
// X-Forwarded-For it likes.
import { isIP } from "node:net";

/** The internal request header in which serve.mjs passes the client address (any client-sent value is removed). */
export const CLIENT_IP_HEADER = "x-forlopsvakt-client-ip";

/** Set (to "1") by serve.mjs in its workers: only then does CLIENT_IP_HEADER come from us. */
export const CLIENT_IP_FROM_SERVER_ENV = "FORLOPSVAKT_CLIENT_IP_FROM_SERVER";

/** TRUST_PROXY_HOPS: a whole number >= 0 (empty = 0); null when it is anything else. */
export function parseTrustedProxyHops(value) {
  if (value === undefined || value.trim() === "") return 0;
  return /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * An IP address in one spelling: without port or brackets, IPv4-mapped IPv6
 * as IPv4, IPv6 in lower case. Null when it is not an IP address.
 */
export function normalizeAddress(value) {
  if (typeof value !== "string") return null;
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.toLowerCase();
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address : null;
}

/**
 * The client's address: with 0 trusted hops the socket's peer (X-Forwarded-For
 * ignored); with n, the entry n places from the right of X-Forwarded-For (each
 * of our proxies appends the address it saw), or its leftmost entry when the
 * header is shorter, or the peer when there is none. Null when that entry is
 * not an IP address.
 */
export function clientAddress(remoteAddress, forwardedFor, trustedHops) {
  if (!trustedHops) return normalizeAddress(remoteAddress);
  const chain = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return normalizeAddress(remoteAddress);
  return normalizeAddress(chain[Math.max(chain.length - trustedHops, 0)]);
}
