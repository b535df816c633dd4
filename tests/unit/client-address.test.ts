import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_FROM_SERVER_ENV, CLIENT_IP_HEADER, clientAddress, normalizeAddress, parseTrustedProxyHops } from "@/lib/client-address.mjs";
import { requestMetaFrom } from "@/server/request-meta";

// Which address a request came from: the socket's peer, or X-Forwarded-For
// only through the configured number of our own proxies (TRUST_PROXY_HOPS).
// A client can write any X-Forwarded-For; it must not choose its address.

describe("clientAddress", () => {
  it("with 0 trusted hops (the default) is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.5", "1.2.3.4", 0)).toBe("203.0.113.5");
    expect(clientAddress("203.0.113.5", ["1.2.3.4", "5.6.7.8"], 0)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
    // 40 attempts, a new forged header each: one address
    const seen = new Set(Array.from({ length: 40 }, (_, i) => clientAddress("198.51.100.9", `10.0.0.${i}`, 0)));
    expect([...seen]).toEqual(["198.51.100.9"]);
  });

  it("with n trusted hops is the entry n places from the right: what our outermost proxy saw", () => {
    // client wrote "6.6.6.6"; our proxy appended the real peer 203.0.113.7
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    // two proxies of ours (CDN, then load balancer): the CDN appended the client, the LB the CDN
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7, 198.51.100.1", 2)).toBe("203.0.113.7");
    // several header lines count as one list
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.7, 198.51.100.1"], 2)).toBe("203.0.113.7");
  });

  it("with trusted hops but a shorter or no header: the leftmost entry, or the peer", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.7", 2)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", " , ", 1)).toBe("10.0.0.2");
  });

  it("an entry that is not an IP address gives no address rather than a made-up one", () => {
    expect(clientAddress("10.0.0.2", "<script>", 1)).toBeNull();
    expect(clientAddress("10.0.0.2", "unknown", 1)).toBeNull();
    expect(clientAddress(undefined, undefined, 0)).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it("writes each address one way: no port or brackets, IPv4-mapped as IPv4, lower case", () => {
    expect(normalizeAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("999.1.1.1")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
    expect(normalizeAddress(null)).toBeNull();
  });
});

describe("parseTrustedProxyHops", () => {
  it("accepts a whole number from 0 (empty = 0) and refuses anything else", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("")).toBe(0);
    expect(parseTrustedProxyHops("2")).toBe(2);
    expect(parseTrustedProxyHops("-1")).toBeNull();
    expect(parseTrustedProxyHops("1.5")).toBeNull();
    expect(parseTrustedProxyHops("true")).toBeNull();
  });
});

describe("requestMetaFrom", () => {
  const saved = process.env[CLIENT_IP_FROM_SERVER_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[CLIENT_IP_FROM_SERVER_ENV];
    else process.env[CLIENT_IP_FROM_SERVER_ENV] = saved;
  });

  it("never takes the address from X-Forwarded-For or X-Real-IP", () => {
    process.env[CLIENT_IP_FROM_SERVER_ENV] = "1";
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", [CLIENT_IP_HEADER]: "203.0.113.7", "user-agent": "test" });
    expect(requestMetaFrom(headers)).toEqual({ ip: "203.0.113.7", userAgent: "test" });
    expect(requestMetaFrom(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" })).ip).toBeNull();
  });

  it("under a server other than ours (next dev, next start) the address is unknown, even if a client sends our header", () => {
    delete process.env[CLIENT_IP_FROM_SERVER_ENV];
    expect(requestMetaFrom(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.7", "x-forwarded-for": "6.6.6.6" })).ip).toBeNull();
  });
});
