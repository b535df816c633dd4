import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES, hasSessionCookie, readSessionCookie } from "@/server/auth/session-cookie";
import { refuseMalformedRequest } from "@/lib/request-guard";
import { loginUrlFor } from "@/lib/callback-url";
import { REQUEST_PATH_HEADER } from "@/lib/request-path";
import { env } from "@/server/env";

// Runs before every page request (the JSON API and the health check skip it,
// see `config` below): sends page requests without a
// session cookie (or with an invalid, too old or pre-session-row one, which
// it deletes) to /login, and sets a per-request nonce Content-Security-Policy.
// It asks no database and renews no cookie: whether the session is alive
// (logout, idle timeout, deactivated user) is checked by the page or API
// handler itself on every request (src/server/auth/session-user.ts), which
// sends a page to /login and answers an API request 401. The login page gets
// the page's address as `callbackUrl` (a bookmarked worklist with filters
// opens again after login). A server action's request is let through: the
// action itself answers "session expired" to the form, which keeps what was
// typed (a redirect there would make Next show its error page).

const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health"];

function ssoOrigin(): string {
  const issuer = env("AUTH_OIDC_ISSUER");
  return issuer && URL.canParse(issuer) ? ` ${new URL(issuer).origin}` : "";
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Tailwind is a static stylesheet; React sets style attributes inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // the single sign-on button's form is answered with a redirect to the OpenID provider
    // (followed as a form navigation when JavaScript is off)
    `form-action 'self'${ssoOrigin()}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const malformed = await refuseMalformedRequest(request, pathname);
  if (malformed) return malformed;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const isApi = pathname.startsWith("/api/");
  const isServerAction = request.method === "POST" && request.headers.has("next-action");
  const nowSeconds = Math.floor(Date.now() / 1000);
  const cookieNames = request.cookies.getAll().map((c) => c.name);
  const anySessionCookie = hasSessionCookie(cookieNames);
  // Auth.js's own routes read the cookie themselves
  const session =
    anySessionCookie && !pathname.startsWith("/api/auth/")
      ? await readSessionCookie((name) => request.cookies.get(name)?.value, cookieNames, nowSeconds)
      : null;
  if (!session && !isPublic && !isApi && !isServerAction) {
    const login = NextResponse.redirect(new URL(loginUrlFor(`${pathname}${request.nextUrl.search}`), request.nextUrl.origin));
    if (anySessionCookie) for (const name of SESSION_COOKIE_NAMES) login.cookies.delete(name);
    return login;
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // for requirePage's redirect to login when the session's row has ended
  requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// The JSON API (/api/v1/…) and the health check do not pass through here:
// the route handler checks the session itself (apiRoute), and a JSON answer
// needs no nonce. Running the proxy cost ~10–14 % of a worker's busy time per
// API call (a CPU profile of registrations, 2026-11-29: Next builds a second
// request, copies a POST's body for it and merges the rewritten headers back).
// An API address with a "%" still comes here, for the percent-encoding check.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|api/health$|api/v1/[^%]*$).*)"],
};
