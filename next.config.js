// Security headers for every response. The Content-Security-Policy (with a
// per-request nonce) is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // "same-origin", not "no-referrer": no address (they may name a patient's
  // pathway) leaves for another site, and a form posted before the page is
  // interactive still carries its Origin (under "no-referrer" the browser sends
  // "Origin: null" and Next.js refuses the server action: login.spec.ts)
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// HSTS only when the browser reached us over https. The app speaks plain HTTP
// behind a TLS-terminating proxy, which says so in X-Forwarded-Proto (its
// first value is the client's side). A forged header over plain HTTP is
// harmless: browsers ignore Strict-Transport-Security received without TLS
// (RFC 6797, 8.1). No includeSubDomains: the app does not own its domain's
// other hosts.
const hsts = {
  source: "/:path*",
  has: [{ type: "header", key: "x-forwarded-proto", value: "https(?:\\s*,.*)?" }],
  headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000" }],
};

// Answers with patient data must not be kept by the browser or a shared
// cache (a shared workstation's disk, a proxy): the API and the CSV exports.
const noStore = ["/api/:path*", "/arbeidsliste/eksport", "/rapporter/eksport"].map((source) => ({
  source,
  headers: [{ key: "Cache-Control", value: "no-store" }],
}));

// The JSON API skips proxy.ts (and its per-request nonce): a fixed policy
// that allows nothing, for an answer opened in a browser.
const apiPolicy = ["/api/v1/:path*", "/api/health"].map((source) => ({
  source,
  headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
}));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }, hsts, ...noStore, ...apiPolicy];
  },
};

export default nextConfig;
