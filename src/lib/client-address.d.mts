// Types of client-address.mjs (plain JavaScript so that scripts/serve.mjs can run it).
export declare const CLIENT_IP_HEADER: "x-forlopsvakt-client-ip";
export declare const CLIENT_IP_FROM_SERVER_ENV: "FORLOPSVAKT_CLIENT_IP_FROM_SERVER";
export declare function parseTrustedProxyHops(value: string | undefined): number | null;
export declare function normalizeAddress(value: unknown): string | null;
export declare function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string | null;
