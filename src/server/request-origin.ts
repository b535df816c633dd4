// The address the user opened the app at, for absolute links in files they
// download (a CSV opened in Excel cannot follow a relative link). Behind
// `npm run serve` or a proxy, request.url names the server's own listening
// address (http://localhost:3000), not the one in the browser; the Host header
// (or the proxy's X-Forwarded-Host) and X-Forwarded-Proto do.

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function firstValue(header: string | null): string | null {
  return header?.split(",")[0]?.trim() || null;
}

export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = firstValue(request.headers.get("x-forwarded-host")) ?? firstValue(request.headers.get("host"));
  const proto = firstValue(request.headers.get("x-forwarded-proto"));
  const protocol = proto === "https" || proto === "http" ? proto : url.protocol.replace(/:$/, "");
  // a host that is not a host name (garbage, a path, credentials) falls back to the server's own
  return host && HOST.test(host) ? `${protocol}://${host.toLowerCase()}` : url.origin;
}
